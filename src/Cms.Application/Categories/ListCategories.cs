using Cms.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Categories;

/// <summary>A category and how many posts the caller can see in it.</summary>
public sealed record CategoryResponse(string Name, int PostCount);

public static class ListCategories
{
    /// <param name="IncludeUnpublished">Admins count drafts and scheduled posts too.</param>
    public sealed record Query(bool IncludeUnpublished) : IQuery<IReadOnlyList<CategoryResponse>>;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<CategoryResponse>>
    {
        public async ValueTask<IReadOnlyList<CategoryResponse>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var published = nameof(PostStatus.Published).ToLowerInvariant();
            // Raw SQL: EF cannot group the elements of an array column; unnest does it in one pass.
            var rows = await db.SqlQuery<CategoryRow>($"""
                SELECT c.name, count(*)::int AS post_count
                FROM posts p CROSS JOIN LATERAL unnest(p.categories) AS c(name)
                WHERE {query.IncludeUnpublished} OR (p.status = {published} AND p.published_at <= {now})
                GROUP BY c.name
                ORDER BY post_count DESC, c.name
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
