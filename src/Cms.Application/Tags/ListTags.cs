using Cms.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Tags;

public static class ListTags
{
    public static readonly string[] SortFields = ["name", "postCount"];

    /// <param name="Q">Prefix of the name or slug, case-insensitive.</param>
    public sealed record Query(string? Q, string? Sort, int Page, int PageSize, bool IncludeUnpublished) : IQuery<Paged<TagResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(100);
            RuleFor(q => q.Sort).Must(s => Sorting.Parse(s, SortFields) is { Count: <= 1 })
                .WithMessage("'sort' must be one of name, -name, postCount, -postCount.");
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, PageRules.MaxPageSize);
        }
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, Paged<TagResponse>>
    {
        public async ValueTask<Paged<TagResponse>> Handle(Query query, CancellationToken ct)
        {
            var tags = db.Tags.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var prefix = query.Q.Trim().ToLowerInvariant();
                tags = tags.Where(t => t.Name.ToLower().StartsWith(prefix) || t.Slug.StartsWith(prefix));
            }
            var total = await tags.CountAsync(ct);
            var rows = TagQueries.Rows(db, query.IncludeUnpublished, clock.GetUtcNow(), tags);
            var sort = Sorting.Parse(query.Sort, SortFields)!;
            var ordered = sort.FirstOrDefault() switch
            {
                { Field: "postCount", Descending: true } => rows.OrderByDescending(r => r.PostCount).ThenBy(r => r.Name),
                { Field: "postCount" } => rows.OrderBy(r => r.PostCount).ThenBy(r => r.Name),
                { Field: "name", Descending: true } => rows.OrderByDescending(r => r.Name),
                _ => rows.OrderBy(r => r.Name),
            };
            var page = await ordered.ThenBy(r => r.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .ToListAsync(ct);
            return new Paged<TagResponse>([.. page.Select(r => r.ToResponse())], Pagination.Of(query.Page, query.PageSize, total));
        }
    }
}
