using System.Data.Common;
using System.Globalization;
using System.Text;
using Cms.Application.Common;
using Cms.Application.Images;
using Cms.Domain;

namespace Cms.Application.Posts;

/// <summary>One column of a page's order, in SQL: its expression over the page's rows and which way it runs.</summary>
/// <param name="Name">The cursor's name for it (publishedAt, updatedAt, createdAt, title, rank, id).</param>
/// <param name="ValueType">The type a cursor value of this key is read back as.</param>
public sealed record PageKey(string Name, string Column, Type ValueType, bool Descending);

/// <summary>
/// The statements that read posts for lists and post reads, hand-written: a list's filters (and its
/// count, <see cref="Count"/>), an order with keyset or offset paging, only the columns the fields
/// need, and the bylines and tags of the page's posts joined once for the whole page (<see cref="Linked"/>), so a page is one statement.
/// Built by EF's LINQ pipeline (expressions built per request, the query cache lookup, parameter
/// extraction) plus a second statement for the bylines and tags, a list request cost more API CPU than
/// the database spent on it (docs/performance.md, "Where a list request's time goes"). Every value is a
/// parameter; the only text spliced in is this class's own SQL.
/// </summary>
public sealed class PostPage
{
    private readonly List<object> _parameters = [];
    private readonly List<string> _where = [];
    private readonly IReadOnlySet<string> _fields;
    private string? _searchQuery;

    // Whether the plan can depend on the values: tags, authors, categories and search words differ a
    // thousandfold in how many posts they match, and each gets its own plan.
    private bool _valueDependent;

    public PostPage(IReadOnlySet<string> fields) => _fields = fields;

    private string? _versionColumns;

    /// <summary>The list's version read by the page statement (with <see cref="WithListVersion"/>; null when the page was empty).</summary>
    public (long Version, DateTimeOffset? Published)? ListVersion { get; private set; }

    /// <summary>The page statement also reads the list's version (<see cref="ListVersions.VersionColumns"/>): its ETag, one round trip less.</summary>
    public PostPage WithListVersion(DateTimeOffset now)
    {
        _versionColumns = ListVersions.VersionColumns(P(now.ToUniversalTime()));
        return this;
    }

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    private string P(object value)
    {
        _parameters.Add(value);
        return "@p" + (_parameters.Count - 1);
    }

    public PostPage Where(string condition)
    {
        _where.Add(condition);
        return this;
    }

    /// <summary>What readers may see (published, and its time has come: not drafts or scheduled posts), or every status.</summary>
    public PostPage Visible(bool includeUnpublished, DateTimeOffset now) => includeUnpublished ? this : Status("published", now);

    public PostPage Status(string? status, DateTimeOffset now) => (status ?? "published") switch
    {
        "draft" => Where("p.status = 'draft'"),
        "scheduled" => Where($"p.status = 'published' AND p.published_at > {P(now.ToUniversalTime())}"),
        "all" => this,
        // The literal 'published' lets PostgreSQL use the partial index on published posts.
        _ => Published(now),
    };

    private PostPage Published(DateTimeOffset now)
    {
        var until = P(now.ToUniversalTime());
        _linkBounds.Add($"pt.post_published_at <= {until}");
        return Where($"p.status = 'published' AND p.published_at <= {until}");
    }

    public PostPage Id(Guid id) => Where($"p.id = {P(id)}");

    public PostPage Slug(string slug) => Where($"p.slug = {P(slug)}");

    /// <summary>
    /// The filters of a list query (they combine with AND), tags and authors as the ids their slugs resolved to
    /// (null: no such filter), categories as the slugs and names asked for.
    /// </summary>
    public PostPage Filters(ListPosts.Query query, DateTimeOffset now, Guid[]? tagIds, Guid[]? authorIds, string[] categories)
    {
        Status(query.Status, now);
        _valueDependent |= tagIds is not null || authorIds is not null || categories.Length > 0;
        var tags = tagIds is null ? null : P(tagIds);
        if (tags is not null) Where($"EXISTS (SELECT 1 FROM post_tags pt WHERE pt.post_id = p.id AND pt.tag_id = ANY({tags}))");
        if (authorIds is not null) Where($"EXISTS (SELECT 1 FROM post_authors pa WHERE pa.post_id = p.id AND pa.author_id = ANY({P(authorIds)}))");
        if (categories.Length > 0) Where($"p.category_slugs && {P(categories)}");
        _datesBounded = query.PublishedAfter is not null || query.PublishedBefore is not null;
        if (query.PublishedAfter?.ToUniversalTime() is { } after)
        {
            var from = P(after);
            Where($"p.published_at >= {from}");
            _linkBounds.Add($"pt.post_published_at >= {from}");
        }
        if (query.PublishedBefore?.ToUniversalTime() is { } before)
        {
            var to = P(before);
            Where($"p.published_at < {to}");
            _linkBounds.Add($"pt.post_published_at < {to}");
        }
        // Only tags narrow the published posts (dates aside): the page can start from the tags' own newest links.
        if (tags is not null && (query.Status ?? "published") == "published" && authorIds is null && categories.Length == 0) _tagIds = tags;
        return this;
    }

    // A list filtered by tags alone (see NewestOfTags): the tag ids' placeholder, and the conditions on the copy of
    // the post's publication date that post_tags keeps (published, the date bounds, the cursor's position).
    private string? _tagIds;
    private bool _datesBounded;
    private readonly List<string> _linkBounds = [];

    /// <summary>Whether a page in the order of <paramref name="keys"/> is read from the tags' newest links (<see cref="NewestOfTags"/>).</summary>
    private bool WalksTagLinks(IReadOnlyList<PageKey> keys) =>
        _tagIds is not null && _searchQuery is null && keys is [{ Name: "publishedAt", Descending: true }, { Name: "id", Descending: true }];

    /// <summary>
    /// The candidates of a page of published posts with any of the tags, newest first: each tag's newest
    /// <paramref name="count"/> links (offset + limit), walked in the post_tags index on (tag_id, post_published_at
    /// DESC, post_id DESC). Any post among the first <paramref name="count"/> of the list is among the first
    /// <paramref name="count"/> of each of its tags, so the page is in the candidates; the page's conditions on posts
    /// still decide. Filtering on the posts' date index instead walked a post per ~50 to find a page of a tag used
    /// by 2% of them (docs/performance.md, "Q2: a tag's newest links").
    /// </summary>
    private string NewestOfTags(long count) =>
        $"p.id IN (SELECT l.post_id FROM unnest({_tagIds}::uuid[]) t(id) CROSS JOIN LATERAL (SELECT pt.post_id FROM post_tags pt "
        + $"WHERE pt.tag_id = t.id AND {string.Join(" AND ", _linkBounds)} "
        + $"ORDER BY pt.post_published_at DESC, pt.post_id DESC LIMIT {count.ToString(CultureInfo.InvariantCulture)}) l)";

    /// <summary>Full-text search: matches on the stored vector; <see cref="Rank"/> and the highlight use the same query.</summary>
    public PostPage Search(string q, string language)
    {
        _valueDependent = true;
        // The configuration as a literal, not a parameter: a constant regconfig lets PostgreSQL fold
        // websearch_to_tsquery(...) once at planning, where a cast of a text parameter (a stable function)
        // would parse the query again for every matching row that is ranked (half the searches per second).
        _language = "'" + language.Replace("'", "''", StringComparison.Ordinal) + "'::regconfig";
        _searchQuery = $"websearch_to_tsquery({_language}, {P(q)})";
        _searchWhere = $"p.search_vector @@ {_searchQuery}";
        // Words and "or" only: no exclusion, no phrase (see RankedMatches).
        _plainWords = q.IndexOfAny(['-', '"']) < 0;
        return Where(_searchWhere);
    }

    private string? _language;
    private string? _searchWhere;
    private bool _plainWords;

    /// <summary>Whether a page in the order of <paramref name="keys"/> is read from the ranked matches' candidates (<see cref="RankedMatches"/>).</summary>
    private bool WalksRankedMatches(IReadOnlyList<PageKey> keys) => _searchQuery is not null && _plainWords
        && keys is [{ Name: "rank", Descending: true }, { Name: "publishedAt", Descending: true }, { Name: "id", Descending: true }];

    /// <summary>
    /// The candidates of a page of matches in relevance order: the first <paramref name="count"/> (offset + limit) of
    /// the posts whose title or excerpt match, ranked (the GIN index on rank_vector finds them), and the first
    /// <paramref name="count"/> of the others, newest first. Those others rank 0: for words and "or" alone, a cover
    /// of the query exists in rank_vector only where rank_vector matches (an exclusion or a phrase can be satisfied
    /// by a part of the text that does not match as a whole, hence <see cref="_plainWords"/>); and a match in
    /// rank_vector is a match in search_vector, which holds the same title and excerpt first. Ranking every match
    /// of a common word read and ranked 64,707 posts for a page of 20 (docs/performance.md, "Q4: rank only what
    /// can rank").
    /// <para>
    /// Without date bounds, the title matches are read through their GIN index alone (<c>OFFSET 0</c> keeps the
    /// planner from pushing the page's conditions into that scan), then filtered: otherwise it intersected them with
    /// the bitmap of every published post's date (90,000 entries, 5 ms of a 12 ms statement on 100,000 posts) to
    /// drop almost nothing. A date range can be narrow, and then that intersection pays, so it stays.
    /// </para>
    /// </summary>
    private string RankedMatches(long count)
    {
        var limit = count.ToString(CultureInfo.InvariantCulture);
        var titled = $"p.rank_vector @@ {_searchQuery}";
        var titles = _datesBounded ? "posts p" : $"(SELECT * FROM posts p WHERE {titled} OFFSET 0) p";
        var ranked = string.Join("\n    AND ", _where.Where(w => !ReferenceEquals(w, _searchWhere)).Append(titled));
        var others = string.Join("\n    AND ", _where.Append($"NOT ({titled})"));
        return $"p.id IN ((SELECT p.id FROM {titles} WHERE {ranked} ORDER BY {Rank} DESC, p.published_at DESC, p.id DESC LIMIT {limit})"
            + $"\n  UNION ALL (SELECT p.id FROM posts p WHERE {others} ORDER BY p.published_at DESC, p.id DESC LIMIT {limit}))";
    }

    /// <summary>Relevance on title and excerpt (<see cref="PostSearch.RankVectorProperty"/>): 0 for a match only in the body.</summary>
    public string Rank => $"ts_rank_cd(p.rank_vector, {_searchQuery ?? throw new InvalidOperationException("Rank needs a search.")})";

    /// <summary>
    /// The statement that counts the posts the filters so far select (call it before <see cref="After"/>): a
    /// snapshot of this page's conditions and values, run later if the total is not already known.
    /// </summary>
    public Func<ICmsDb, CancellationToken, Task<int>> Count()
    {
        var sql = "SELECT count(*)::int FROM posts p" + (_where.Count > 0 ? "\nWHERE " + string.Join("\n  AND ", _where) : "");
        object[] parameters = [.. _parameters];
        return async (db, ct) => (await db.ReadAsync(sql, r => r.GetInt32(0), ct, parameters)).Single();
    }

    /// <summary>
    /// Rows strictly after <paramref name="values"/> in the order of <paramref name="keys"/> (keyset paging).
    /// Nulls sort as PostgreSQL sorts them: last ascending, first descending.
    /// </summary>
    public PostPage After(IReadOnlyList<PageKey> keys, IReadOnlyList<object?> values)
    {
        var any = new List<string>();
        var equalSoFar = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var column = keys[i].Column;
            // Only published_at may be null (drafts); the other keys never are.
            var nullable = keys[i].Name == "publishedAt";
            var value = values[i] is { } v ? P(Normalize(v)) : null;
            string? after = keys[i].Descending
                // Descending: nulls first, then larger to smaller.
                ? value is null ? (nullable ? $"{column} IS NOT NULL" : null) : $"{column} < {value}"
                // Ascending: smaller to larger, then nulls.
                : value is null ? null : nullable ? $"({column} > {value} OR {column} IS NULL)" : $"{column} > {value}";
            if (after is not null) any.Add("(" + string.Join(" AND ", [.. equalSoFar, after]) + ")");
            equalSoFar.Add(value is null ? $"{column} IS NULL" : $"{column} = {value}");
        }
        // The same position among a tag's links (NewestOfTags), whose order is the same pair of keys.
        if (WalksTagLinks(keys))
        {
            if (values is [{ } at, { } id]) _linkBounds.Add($"(pt.post_published_at, pt.post_id) < ({P(Normalize(at))}, {P(id)})");
            // No date to start from among the links: the conditions on posts alone.
            else _tagIds = null;
        }
        var predicate = any.Count == 0 ? "false" : "(" + string.Join(" OR ", any) + ")";
        // The OR chain is exact but not a range PostgreSQL can seek to; "first key at or past its value"
        // says the same for the first key and lets the index start at the right place.
        if (values[0] is { } first && keys[0].ValueType != typeof(string))
        {
            var bound = $"{keys[0].Column} {(keys[0].Descending ? "<=" : ">=")} {P(Normalize(first))}";
            // A nullable first key ascending: the bound holds for non-null rows; nulls are placed by the chain.
            if (keys[0].Name == "publishedAt" && !keys[0].Descending) bound = $"({bound} OR {keys[0].Column} IS NULL)";
            predicate = $"{bound} AND {predicate}";
        }
        return Where(predicate);
    }

    private static object Normalize(object value) => value is DateTimeOffset t ? t.ToUniversalTime() : value;

    /// <summary>
    /// The page: <paramref name="limit"/> rows in the order of <paramref name="keys"/> (none: any order, for a
    /// single post) after skipping <paramref name="offset"/>; each key is read into the row for cursors.
    /// </summary>
    public async Task<List<PostRow>> ReadAsync(ICmsDb db, IReadOnlyList<PageKey> keys, int limit, int offset, CancellationToken ct)
    {
        var f = _fields;
        var columns = new List<(string Sql, Action<PostRow, DbDataReader, int> Read)>
        {
            ("p.id", (r, d, i) => r.Id = d.GetGuid(i)),
            ("p.xmin", (r, d, i) => r.Version = d.GetFieldValue<uint>(i)),
        };
        void Add(string field, string sql, Action<PostRow, DbDataReader, int> read)
        {
            if (f.Contains(field) || keys.Any(k => k.Name == field)) columns.Add((sql, read));
        }
        Add("slug", "p.slug", (r, d, i) => r.Slug = d.GetString(i));
        Add("title", "p.title", (r, d, i) => r.Title = d.GetString(i));
        Add("excerpt", "p.excerpt", (r, d, i) => r.Excerpt = d.IsDBNull(i) ? null : d.GetString(i));
        Add("body", "p.body", (r, d, i) => r.Body = d.GetString(i));
        Add("html", "p.html", (r, d, i) => r.Html = d.GetString(i));
        if (f.Contains("status")) columns.Add(("p.status", (r, d, i) => r.Status = Enum.Parse<PostStatus>(d.GetString(i), ignoreCase: true)));
        if (f.Contains("status") || f.Contains("publishedAt") || keys.Any(k => k.Name == "publishedAt"))
            columns.Add(("p.published_at", (r, d, i) => r.PublishedAt = d.IsDBNull(i) ? null : d.GetFieldValue<DateTimeOffset>(i)));
        Add("categories", "p.categories", (r, d, i) => r.Categories = d.GetFieldValue<string[]>(i));
        Add("metadata", "p.metadata", (r, d, i) => r.Metadata = d.GetString(i));
        Add("readingTimeMinutes", "p.reading_time_minutes", (r, d, i) => r.ReadingTimeMinutes = d.GetInt32(i));
        Add("createdAt", "p.created_at", (r, d, i) => r.CreatedAt = d.GetFieldValue<DateTimeOffset>(i));
        Add("updatedAt", "p.updated_at", (r, d, i) => r.UpdatedAt = d.GetFieldValue<DateTimeOffset>(i));
        var search = _searchQuery is not null;
        if (search && keys.Any(k => k.Name == "rank")) columns.Add((Rank + " AS rank", (r, d, i) => r.Rank = d.GetFloat(i)));

        // Joined per row of the page: (the SQL, how many columns it reads, how).
        var outer = new List<(string Sql, int Width, Action<PostRow, DbDataReader, int> Read)>();
        var joins = new StringBuilder();
        if (f.Contains("featureImage"))
        {
            outer.Add(("i.id, i.sha256, i.extension, i.width, i.height, i.alt", 6, (r, d, i) => r.FeatureImage = d.IsDBNull(i) ? null
                : new ImageRef(d.GetGuid(i), ImageUrls.MediaPrefix + d.GetString(i + 1) + "." + d.GetString(i + 2), d.GetInt32(i + 3), d.GetInt32(i + 4),
                    d.IsDBNull(i + 5) ? null : d.GetString(i + 5))));
            joins.Append("\nLEFT JOIN images i ON i.id = p.feature_image_id");
        }
        if (f.Contains("authors"))
        {
            outer.Add(("au.ids, au.slugs, au.names", 3, (r, d, i) => r.Authors = Refs(d, i, (id, slug, name) => new AuthorRef(id, slug, name))));
            joins.Append(Linked("au", "post_authors", "authors", "author_id"));
        }
        if (f.Contains("tags"))
        {
            outer.Add(("tg.ids, tg.slugs, tg.names", 3, (r, d, i) => r.Tags = Refs(d, i, (id, slug, name) => new TagRef(id, slug, name))));
            joins.Append(Linked("tg", "post_tags", "tags", "tag_id"));
        }
        var highlight = search && f.Contains("highlight");
        if (highlight)
            // On the page's rows only: a headline reads the whole body.
            outer.Add(($"ts_headline({_language}, p.title || ' \n' || COALESCE(p.excerpt, '') || ' \n' || p.body, {_searchQuery}, {P(Highlights.Options)})", 1,
                (r, d, i) => r.Highlight = d.GetString(i)));

        if (_versionColumns is not null)
            outer.Add((_versionColumns, 2, (r, d, i) => ListVersion ??= (d.GetInt64(i), d.IsDBNull(i + 1) ? null : d.GetFieldValue<DateTimeOffset>(i + 1))));

        // The inner statement reads the columns the page needs (the body for a highlight), in order, limited;
        // the outer one joins what each row of the page needs.
        var inner = columns.Select(c => c.Sql).ToList();
        if (f.Contains("featureImage")) inner.Add("p.feature_image_id");
        if (highlight && !f.Contains("body")) inner.Add("p.body");
        if (highlight && !f.Contains("excerpt")) inner.Add("p.excerpt");
        if (highlight && !f.Contains("title") && keys.All(k => k.Name != "title")) inner.Add("p.title");
        var order = keys.Count == 0 ? "" : "\nORDER BY " + string.Join(", ", keys.Select(k => k.Column + (k.Descending ? " DESC" : "")));
        var outerOrder = keys.Count == 0 ? "" : "\nORDER BY " + string.Join(", ", keys.Select(k => (k.Name == "rank" ? "p.rank" : k.Column) + (k.Descending ? " DESC" : "")));
        // Prepared when the plan is the same for any values and the text is one of few: the default fields, and one
        // post or a page of the default size. The limit is part of the text, not a parameter: under "LIMIT $n" the
        // generic plan is costed for a tenth of the table, never wins against a custom plan, and PostgreSQL then
        // plans the prepared statement again on every execution (0.3 ms of the 0.7 ms that a Q1 page cost it;
        // docs/performance.md, "Q1's SQL: one join per page"). It is the handler's int (page size + 1), never text
        // from the request; and each prepared text holds ~300 KB in every backend, so other sizes are not prepared.
        // A page of a tag's newest links has the same plan for any tag (the index, then posts by key): prepared too for
        // its first page or a cursor, without date bounds (four texts; offsets would give one text per page).
        var walk = WalksTagLinks(keys);
        var prepared = (!_valueDependent || (walk && offset == 0 && !_datesBounded))
            && (ReferenceEquals(f, PostFields.ListDefaults) || ReferenceEquals(f, PostFields.ItemDefaults))
            && (limit == 1 || limit == PageRules.DefaultPageSize + 1);
        // Past the first page, the rows skipped are read as ids only, and the page's own rows joined after: the
        // newest-first order is the partial index ix_posts_published, which holds (published_at, id), so the skip is
        // an index-only scan instead of fetching every skipped row's heap tuple. Page 200 of Q1 read 3,438 buffers
        // for the 4,001 rows it skipped, and reads 121 this way (docs/performance.md, "Q5: offset pages skip over ids").
        // Not for a ranked search: its order is computed from each row's rank vector, which only the heap holds.
        var skipOverIds = offset > 0 && keys.Count > 0 && keys.All(k => k.Name != "rank");
        // The page is a materialized CTE: the joins below read its ids once for all its rows.
        var sql = new StringBuilder(prepared ? CmsSql.Prepared : "")
            .Append("WITH p AS MATERIALIZED (SELECT ").AppendJoin(", ", inner)
            .Append(skipOverIds ? "\nFROM (SELECT p.id FROM posts p" : "\nFROM posts p");
        List<string> where = walk ? [.. _where, NewestOfTags((long)limit + offset)]
            : WalksRankedMatches(keys) ? [.. _where, RankedMatches((long)limit + offset)] : _where;
        if (where.Count > 0) sql.Append("\nWHERE ").AppendJoin("\n  AND ", where);
        sql.Append(order).Append("\nLIMIT ").Append(limit.ToString(CultureInfo.InvariantCulture));
        if (offset > 0) sql.Append(" OFFSET ").Append(P(offset));
        // The outer statement orders the page; the CTE's own order does not matter.
        if (skipOverIds) sql.Append(") k\nJOIN posts p ON p.id = k.id");
        sql.Append(")\nSELECT ").AppendJoin(", ", columns.Select(c => OuterName(c.Sql)).Concat(outer.Select(o => o.Sql)))
            .Append("\nFROM p").Append(joins).Append(outerOrder);

        var readers = columns.Select(c => c.Read).Concat(outer.Select(o => o.Read)).ToArray();
        var widths = columns.Select(_ => 1).Concat(outer.Select(o => o.Width)).ToArray();
        return await db.ReadAsync(sql.ToString(), d =>
        {
            var row = new PostRow();
            for (int k = 0, ordinal = 0; k < readers.Length; ordinal += widths[k], k++) readers[k](row, d, ordinal);
            return row;
        }, ct, [.. _parameters]);
    }

    /// <summary>The outer statement's name for an inner column: p.title is p.title, "expr AS rank" is p.rank.</summary>
    private static string OuterName(string sql) => sql.Contains(" AS ", StringComparison.Ordinal) ? "p." + sql[(sql.LastIndexOf(' ') + 1)..] : sql;

    /// <summary>
    /// Each post's linked rows (its bylines, its tags) in their order, as three arrays under <paramref name="alias"/>:
    /// ids, slugs and names, for all the page's posts in one join. A LATERAL subquery per post cost PostgreSQL
    /// about twice as much for a page of 20: each built its own hash of the whole authors or tags table, and sorted
    /// three times (an aggregate's ORDER BY sorts per aggregate). Here the links of the page are read by primary
    /// key, sorted once by (post, position), and each group aggregated in that order (a GroupAggregate reads its
    /// sorted input in order; docs/performance.md, "Q1's SQL: one join per page").
    /// </summary>
    private static string Linked(string alias, string links, string table, string key) =>
        $"\nLEFT JOIN (SELECT s.post_id, array_agg(s.id) AS ids, array_agg(s.slug) AS slugs, array_agg(s.name) AS names "
        + $"FROM (SELECT l.post_id, x.id, x.slug, x.name FROM {links} l JOIN {table} x ON x.id = l.{key} "
        + $"WHERE l.post_id IN (SELECT id FROM p) ORDER BY l.post_id, l.position) s GROUP BY s.post_id) {alias} ON {alias}.post_id = p.id";

    private static List<T> Refs<T>(DbDataReader d, int i, Func<Guid, string, string, T> make)
    {
        if (d.IsDBNull(i)) return [];
        var ids = d.GetFieldValue<Guid[]>(i);
        var slugs = d.GetFieldValue<string[]>(i + 1);
        var names = d.GetFieldValue<string[]>(i + 2);
        var refs = new List<T>(ids.Length);
        for (var k = 0; k < ids.Length; k++) refs.Add(make(ids[k], slugs[k], names[k]));
        return refs;
    }
}
