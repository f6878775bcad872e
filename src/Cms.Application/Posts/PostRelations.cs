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
        var ids = rows.Select(r => r.Id).ToArray();
        var sql = authors && tags ? AuthorsSql + "\nUNION ALL\n" + TagsSql : authors ? AuthorsSql : TagsSql;
        var relations = await db.ReadAsync(sql, r => new Relation(r.GetGuid(0), r.GetInt32(1), r.GetInt32(2), r.GetGuid(3), r.GetString(4), r.GetString(5)), ct, ids);

        // In memory: the page has at most 100 posts with a handful of each.
        var byPost = relations.OrderBy(r => r.Position).ToLookup(r => (r.PostId, r.Kind));
        foreach (var row in rows)
        {
            if (authors) row.Authors = [.. byPost[(row.Id, AuthorKind)].Select(r => new AuthorRef(r.Id, r.Slug, r.Name))];
            if (tags) row.Tags = [.. byPost[(row.Id, TagKind)].Select(r => new TagRef(r.Id, r.Slug, r.Name))];
        }
    }

    // Hand-written: every list and every post read sends it, and through EF's LINQ pipeline (a Concat of two
    // projections) it cost more CPU than the statement itself.
    private const string AuthorsSql = "SELECT pa.post_id, 0, pa.position, a.id, a.slug, a.name FROM post_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.post_id = ANY(@p0)";
    private const string TagsSql = "SELECT pt.post_id, 1, pt.position, t.id, t.slug, t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = ANY(@p0)";

    private sealed record Relation(Guid PostId, int Kind, int Position, Guid Id, string Slug, string Name);
}
