using Cms.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Categories;

/// <summary>A category and how many posts the caller can see in it.</summary>
public sealed record CategoryResponse(string Name, int PostCount);

public static class ListCategories
{
    /// <summary>Categories of published posts, as API.md has it, for every caller.</summary>
    public sealed record Query : IQuery<IReadOnlyList<CategoryResponse>>;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<CategoryResponse>>
    {
        public async ValueTask<IReadOnlyList<CategoryResponse>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var published = nameof(PostStatus.Published).ToLowerInvariant();
            // Raw SQL: EF cannot group the elements of an array column; unnest does it in one pass.
            // Grouped by slug, as the category filter matches: "News" and "news" are one category,
            // shown by its most used spelling.
            var rows = await db.SqlQuery<CategoryRow>($"""
                SELECT mode() WITHIN GROUP (ORDER BY c.name) AS name, count(*)::int AS post_count
                FROM posts p CROSS JOIN LATERAL unnest(p.categories, p.category_slugs) AS c(name, slug)
                WHERE p.status = {published} AND p.published_at <= {now}
                GROUP BY c.slug
                ORDER BY post_count DESC, name
                """).ToListAsync(ct);
            return [.. rows.Select(r => new CategoryResponse(r.Name, r.PostCount))];
        }
    }

    public sealed class CategoryRow
    {
        public string Name { get; init; } = "";
        public int PostCount { get; init; }
    }
}
