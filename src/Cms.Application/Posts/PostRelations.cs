using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

/// <summary>
/// The bylines and tags of a page of posts, read by the page's ids after the page, both in one
/// statement (UNION ALL): one round trip whatever the page size. (A projected collection would make
/// EF's split query run the whole page query again per relation, search and ranking included.)
/// </summary>
public static class PostRelations
{
    private const int AuthorKind = 0;
    private const int TagKind = 1;

    public static async Task LoadAsync(ICmsDb db, IReadOnlyList<PostRow> rows, IReadOnlySet<string> fields, CancellationToken ct)
    {
        var authors = fields.Contains("authors");
        var tags = fields.Contains("tags");
        if (rows.Count == 0 || !(authors || tags)) return;
        var ids = rows.Select(r => r.Id).ToList();
        var byAuthor = db.PostAuthors.AsNoTracking()
            .Where(pa => ids.Contains(pa.PostId))
            .Select(pa => new Relation { PostId = pa.PostId, Kind = AuthorKind, Position = pa.Position, Id = pa.Author.Id, Slug = pa.Author.Slug, Name = pa.Author.Name });
        var byTag = db.PostTags.AsNoTracking()
            .Where(pt => ids.Contains(pt.PostId))
            .Select(pt => new Relation { PostId = pt.PostId, Kind = TagKind, Position = pt.Position, Id = pt.Tag.Id, Slug = pt.Tag.Slug, Name = pt.Tag.Name });
        var query = authors && tags ? byAuthor.Concat(byTag) : authors ? byAuthor : byTag;
        var relations = await query.ToListAsync(ct);

        // In memory: the page has at most 100 posts with a handful of each.
        var byPost = relations.OrderBy(r => r.Position).ToLookup(r => (r.PostId, r.Kind));
        foreach (var row in rows)
        {
            if (authors) row.Authors = [.. byPost[(row.Id, AuthorKind)].Select(r => new AuthorRef(r.Id, r.Slug, r.Name))];
            if (tags) row.Tags = [.. byPost[(row.Id, TagKind)].Select(r => new TagRef(r.Id, r.Slug, r.Name))];
        }
    }

    // A class with setters, not a positional record: EF translates a set operation over member
    // initialisers, not over constructor calls.
    private sealed class Relation
    {
        public Guid PostId { get; init; }
        public int Kind { get; init; }
        public int Position { get; init; }
        public Guid Id { get; init; }
        public string Slug { get; init; } = "";
        public string Name { get; init; } = "";
    }
}
