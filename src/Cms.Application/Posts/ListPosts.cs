using Cms.Application.Common;
using Cms.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
    public sealed record Query(
        string? Status = null,
        string? Tag = null,
        string? Author = null,
        string? Category = null,
        DateTimeOffset? PublishedAfter = null,
        DateTimeOffset? PublishedBefore = null,
        string? Sort = null,
        int Page = 1,
        int PageSize = PageRules.DefaultPageSize) : IQuery<Paged<PostResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s))
                .WithMessage("'status' must be one of " + string.Join(", ", Statuses) + ".");
            RuleFor(q => q.Sort).Must(s => Sorting.Parse(s, SortFields) is not null).WithMessage(Sorting.Describe(SortFields));
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, PageRules.MaxPageSize);
        }
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, Paged<PostResponse>>
    {
        public async ValueTask<Paged<PostResponse>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var posts = Filter(db.Posts.AsNoTracking(), query, now);
            var total = await posts.CountAsync(ct);
            var rows = await Order(posts, Sorting.Parse(query.Sort, SortFields)!)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize)
                .Select(PostQueries.ToRow(withBody: false))
                .ToListAsync(ct);
            return new Paged<PostResponse>([.. rows.Select(r => r.ToResponse(now))], Pagination.Of(query.Page, query.PageSize, total));
        }
    }

    public static IQueryable<Post> Filter(IQueryable<Post> posts, Query query, DateTimeOffset now)
    {
        posts = (query.Status ?? "published") switch
        {
            "draft" => posts.Where(p => p.Status == PostStatus.Draft),
            "scheduled" => posts.Where(p => p.Status == PostStatus.Published && p.PublishedAt > now),
            "all" => posts,
            _ => posts.Where(p => p.Status == PostStatus.Published && p.PublishedAt <= now),
        };
        var tags = SlugsOf(query.Tag);
        if (tags.Length > 0) posts = posts.Where(p => p.Tags.Any(t => tags.Contains(t.Tag.Slug)));
        var authors = SlugsOf(query.Author);
        if (authors.Length > 0) posts = posts.Where(p => p.Authors.Any(a => authors.Contains(a.Author.Slug)));
        var categories = SlugsOf(query.Category);
        if (categories.Length > 0) posts = posts.Where(p => p.CategorySlugs.Any(c => categories.Contains(c)));
        if (query.PublishedAfter?.ToUniversalTime() is { } after) posts = posts.Where(p => p.PublishedAt >= after);
        if (query.PublishedBefore?.ToUniversalTime() is { } before) posts = posts.Where(p => p.PublishedAt < before);
        return posts;
    }

    /// <summary>A filter value may be a slug or a name: both forms are looked up.</summary>
    private static string[] SlugsOf(string? values) =>
        [.. Lists.SplitComma(values).SelectMany(v => new[] { v, Slugs.From(v, v) }).Distinct()];

    private static IQueryable<Post> Order(IQueryable<Post> posts, IReadOnlyList<SortKey> keys)
    {
        if (keys.Count == 0) keys = [new SortKey("publishedAt", Descending: true)];
        IOrderedQueryable<Post>? ordered = null;
        foreach (var key in keys)
        {
            ordered = key.Field switch
            {
                "updatedAt" => By(p => p.UpdatedAt),
                "createdAt" => By(p => p.CreatedAt),
                "title" => By(p => p.Title),
                _ => By(p => p.PublishedAt),
            };

            IOrderedQueryable<Post> By<TKey>(System.Linq.Expressions.Expression<Func<Post, TKey>> selector) =>
                ordered is null
                    ? key.Descending ? posts.OrderByDescending(selector) : posts.OrderBy(selector)
                    : key.Descending ? ordered.ThenByDescending(selector) : ordered.ThenBy(selector);
        }
        // The id breaks ties, so pages never overlap or skip when timestamps are equal.
        return keys[^1].Descending ? ordered!.ThenByDescending(p => p.Id) : ordered!.ThenBy(p => p.Id);
    }
}
