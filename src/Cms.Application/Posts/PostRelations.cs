using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

/// <summary>
/// The bylines and tags of a page of posts, read by the page's ids after the page: one statement
/// each. (A projected collection would make EF's split query run the whole page query again per
/// relation, search and ranking included.)
/// </summary>
public static class PostRelations
{
    public static async Task LoadAsync(ICmsDb db, IReadOnlyList<PostRow> rows, IReadOnlySet<string> fields, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var ids = rows.Select(r => r.Id).ToList();
        if (fields.Contains("authors"))
        {
            var authors = await db.PostAuthors.AsNoTracking()
                .Where(pa => ids.Contains(pa.PostId))
                .OrderBy(pa => pa.Position)
                .Select(pa => new { pa.PostId, Ref = new AuthorRef(pa.Author.Id, pa.Author.Slug, pa.Author.Name) })
                .ToListAsync(ct);
            var byPost = authors.ToLookup(a => a.PostId, a => a.Ref);
            foreach (var row in rows) row.Authors = [.. byPost[row.Id]];
        }
        if (fields.Contains("tags"))
        {
            var tags = await db.PostTags.AsNoTracking()
                .Where(pt => ids.Contains(pt.PostId))
                .OrderBy(pt => pt.Position)
                .Select(pt => new { pt.PostId, Ref = new TagRef(pt.Tag.Id, pt.Tag.Slug, pt.Tag.Name) })
                .ToListAsync(ct);
            var byPost = tags.ToLookup(t => t.PostId, t => t.Ref);
            foreach (var row in rows) row.Tags = [.. byPost[row.Id]];
        }
    }
}
