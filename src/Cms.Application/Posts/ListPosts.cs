using System.Text.Json;
using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ValidationException = Cms.Application.Common.Exceptions.ValidationException;

namespace Cms.Application.Posts;

public static class ListPosts
{
    public static readonly string[] SortFields = ["publishedAt", "updatedAt", "createdAt", "title"];
    public static readonly string[] Statuses = ["published", "draft", "scheduled", "all"];

    /// <summary>A page of posts; every filter is optional and they combine with AND.</summary>
    /// <param name="Status">published (default), draft, scheduled or all; anything but published needs admin.</param>
    /// <param name="Tag">Comma-separated tag slugs or names; a post matches if it has any of them.</param>
    /// <param name="Author">Comma-separated author slugs; any of them.</param>
    /// <param name="Category">Comma-separated category names or slugs; any of them.</param>
    /// <param name="Q">Full-text search in web-search syntax; orders by relevance unless Sort is given.</param>
    /// <param name="Page">Offset paging; not together with Cursor.</param>
    /// <param name="Cursor">Keyset paging: the nextCursor of the previous page.</param>
    /// <param name="Fields">Comma list of fields to return.</param>
    /// <param name="IfNoneMatch">The client's If-None-Match: when it holds the list's ETag, the list is not read.</param>
    public sealed record Query(
        string? Status = null,
        string? Tag = null,
        string? Author = null,
        string? Category = null,
        DateTimeOffset? PublishedAfter = null,
        DateTimeOffset? PublishedBefore = null,
        string? Q = null,
        string? Sort = null,
        int? Page = null,
        int PageSize = PageRules.DefaultPageSize,
        string? Cursor = null,
        string? Fields = null,
        bool IsAdmin = false,
        string? IfNoneMatch = null) : IQuery<ListResult<PostResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s))
                .WithMessage("'status' must be one of " + string.Join(", ", Statuses) + ".");
            RuleFor(q => q.Sort).Must(s => Sorting.Parse(s, SortFields) is not null).WithMessage(Sorting.Describe(SortFields));
            RuleFor(q => q.Fields).Must(f => SparseFields.Parse(f, PostFields.All, PostFields.ListDefaults) is not null)
                .WithMessage(SparseFields.Describe(PostFields.All));
            RuleFor(q => q.Q).MaximumLength(500);
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.Page).Must((q, page) => PageRules.IsReachable(page, q.PageSize)).WithMessage(PageRules.TooFar);
            RuleFor(q => q.Page).Null().When(q => q.Cursor is not null).WithMessage("Send either 'page' or 'cursor', not both.");
            RuleFor(q => q.Cursor).MaximumLength(2000);
            RuleFor(q => q.PageSize).InclusiveBetween(1, PageRules.MaxPageSize);
        }
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock, ListVersions versions, ListTotals totals, Cursors cursors, IOptions<SearchOptions> search)
        : IQueryHandler<Query, ListResult<PostResponse>>
    {
        public async ValueTask<ListResult<PostResponse>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            // A conditional request reads the list's ETag first and is answered 304 without reading the list;
            // otherwise a list without q reads its ETag in the page statement (PostPage.WithListVersion).
            var etag = string.IsNullOrWhiteSpace(query.IfNoneMatch) ? null : await versions.ETagAsync("posts", query.IsAdmin, now, ct);
            if (etag is not null && ListVersions.Matches(query.IfNoneMatch, etag)) return new(null, etag);

            var language = search.Value.Language;
            var q = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
            var fields = SparseFields.Parse(query.Fields, PostFields.All, PostFields.ListDefaults)!;
            // Tags and authors are resolved to ids first: filtering the link tables by id lets PostgreSQL use its
            // statistics for that very tag or author (a walk of the date index for a big tag, the tag's links and a
            // sort for a small one) instead of planning every slug as an average one.
            var tagSlugs = SlugsOf(query.Tag);
            var tagIds = tagSlugs.Length == 0 ? null : await IdsAsync(db, "tags", tagSlugs, ct);
            var authorSlugs = SlugsOf(query.Author);
            var authorIds = authorSlugs.Length == 0 ? null : await IdsAsync(db, "authors", authorSlugs, ct);
            var categories = SlugsOf(query.Category);
            var reader = new PostPage(fields).Filters(query, now, tagIds, authorIds, categories);
            if (q is not null) reader.Search(q, language);
            // The total of these filters, counted once per content change (see ListTotals).
            var count = reader.Count();
            Task<int> CountAsync(CancellationToken token) => count(db, token);
            // A tag or author that does not exist matches nothing: no need to ask.
            var none = tagIds is [] || authorIds is [];
            // Search reads through the GIN index, never a sequential scan (see ICmsDb.PreferIndexScansAsync).
            await using var indexScans = q is null || none ? null : await db.PreferIndexScansAsync(ct);
            var filters = Cursors.Fingerprint(query.Status, query.Tag, query.Author, query.Category, query.PublishedAfter,
                query.PublishedBefore, q, language);
            var keys = Keys(Sorting.Parse(query.Sort, SortFields)!, q is null ? null : reader);
            // A cursor belongs to these filters (the total's key) and to this order, these fields and this page size.
            var fingerprint = Cursors.Fingerprint(filters, query.Sort, fields, query.PageSize);
            var page = query.Page ?? 1;
            if (query.Cursor is not null)
            {
                var state = await cursors.DecodeAsync(query.Cursor, fingerprint, ct);
                reader.After(keys, ReadValues(state, keys));
                page = state.Page;
            }
            var offset = query.Cursor is null && page > 1 ? (page - 1) * query.PageSize : 0;

            List<PostRow> rows = [];
            int total;
            if (q is null && !none)
            {
                // One statement for the page and, unless read above, the ETag of exactly that state; then the total,
                // remembered under that ETag (see ListTotals).
                if (etag is null) reader.WithListVersion(now);
                rows = await reader.ReadAsync(db, keys, query.PageSize + 1, offset, ct);
                etag ??= reader.ListVersion is { } read ? ListVersions.Format("posts", read.Version, read.Published, query.IsAdmin)
                    : await versions.ETagAsync("posts", query.IsAdmin, now, ct);
                total = await totals.CountAsync(etag, filters, CountAsync, ct);
            }
            else
            {
                etag ??= await versions.ETagAsync("posts", query.IsAdmin, now, ct);
                total = none ? 0 : await totals.CountAsync(etag, filters, CountAsync, ct);
                // Nothing matches: no page to read (for a word in no post, the page statement would walk the whole date index).
                if (total > 0) rows = await reader.ReadAsync(db, keys, query.PageSize + 1, offset, ct);
            }

            string? next = null;
            if (rows.Count > query.PageSize)
            {
                rows.RemoveAt(query.PageSize);
                next = await cursors.EncodeAsync(keys.Select(k => ValueOf(rows[^1], k.Name)), page + 1, fingerprint, ct);
            }
            var pagination = Pagination.Of(page, query.PageSize, total) with { NextCursor = next };
            return new(new Paged<PostResponse>([.. rows.Select(r => r.ToResponse(now, fields))], pagination), etag);
        }
    }

    /// <summary>
    /// The ids of the rows of <paramref name="table"/> (tags or authors) with these slugs: hand-written and prepared like
    /// the page statement (one plan, the unique index on slug), without EF's LINQ pipeline on every tag or author list.
    /// </summary>
    private static async Task<Guid[]> IdsAsync(ICmsDb db, string table, string[] slugs, CancellationToken ct) =>
        [.. await db.ReadAsync($"{CmsSql.Prepared}SELECT id FROM {table} WHERE slug = ANY(@p0)", r => r.GetGuid(0), ct, new object[] { slugs })];

    /// <summary>A filter value may be a slug or a name: both forms are looked up.</summary>
    private static string[] SlugsOf(string? values) =>
        [.. Lists.SplitComma(values).SelectMany(v => new[] { v, Slugs.From(v, v) }).Distinct()];

    /// <summary>The order of a list: the sort asked for, else relevance with q, else newest first; the id breaks ties.</summary>
    private static List<PageKey> Keys(IReadOnlyList<SortKey> sort, PostPage? search)
    {
        var keys = sort.Select(k => k.Field switch
        {
            "updatedAt" => new PageKey(k.Field, "p.updated_at", typeof(DateTimeOffset), k.Descending),
            "createdAt" => new PageKey(k.Field, "p.created_at", typeof(DateTimeOffset), k.Descending),
            "title" => new PageKey(k.Field, "p.title", typeof(string), k.Descending),
            _ => new PageKey("publishedAt", "p.published_at", typeof(DateTimeOffset?), k.Descending),
        }).ToList();
        if (keys.Count == 0)
        {
            // Relevance, then newest first among equally relevant posts (every match only in the body ranks 0).
            if (search is not null) keys.Add(new PageKey("rank", search.Rank, typeof(float), true));
            keys.Add(new PageKey("publishedAt", "p.published_at", typeof(DateTimeOffset?), true));
        }
        keys.Add(new PageKey("id", "p.id", typeof(Guid), keys[^1].Descending));
        return keys;
    }

    private static object? ValueOf(PostRow row, string key) => key switch
    {
        "updatedAt" => row.UpdatedAt,
        "createdAt" => row.CreatedAt,
        "title" => row.Title,
        "publishedAt" => row.PublishedAt,
        "rank" => row.Rank,
        _ => row.Id,
    };

    private static object?[] ReadValues(CursorState state, IReadOnlyList<PageKey> keys)
    {
        if (state.Values.Length != keys.Count) throw new ValidationException("cursor", Cursors.Invalid);
        try
        {
            return [.. keys.Select((k, i) => Keyset.Read(state.Values[i], k.ValueType))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ValidationException("cursor", Cursors.Invalid);
        }
    }
}
