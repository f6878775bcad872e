using Cms.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Tags;

public static class ListTags
{
    public static readonly string[] SortFields = ["name", "postCount"];

    /// <param name="Q">Prefix of the name or slug, ignoring case and accents.</param>
    public sealed record Query(string? Q, string? Sort, int Page, int PageSize, bool IncludeUnpublished, string? Fields = null, string? IfNoneMatch = null)
        : IQuery<ListResult<TagResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(100);
            RuleFor(q => q.Sort).Must(s => Sorting.Parse(s, SortFields) is { Count: <= 1 })
                .WithMessage("'sort' must be one of name, -name, postCount, -postCount.");
            RuleFor(q => q.Fields).Must(f => TagFields.Parse(f) is not null).WithMessage(SparseFields.Describe(TagFields.All));
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.Page).Must((q, page) => PageRules.IsReachable(page, q.PageSize)).WithMessage(PageRules.TooFar);
            RuleFor(q => q.PageSize).InclusiveBetween(1, PageRules.MaxPageSize);
        }
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock, ListVersions versions) : IQueryHandler<Query, ListResult<TagResponse>>
    {
        public async ValueTask<ListResult<TagResponse>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var etag = await versions.ETagAsync("tags", query.IncludeUnpublished, now, ct);
            if (ListVersions.Matches(query.IfNoneMatch, etag)) return new(null, etag);

            var tags = TagFields.Matching(db.Tags.AsNoTracking(), query.Q);
            var total = await tags.CountAsync(ct);
            var postCount = TagFields.PostCount(db, query.IncludeUnpublished, now);
            var ordered = Sorting.Parse(query.Sort, SortFields)!.FirstOrDefault() switch
            {
                { Field: "postCount", Descending: true } => tags.OrderByDescending(postCount).ThenBy(t => t.Name),
                { Field: "postCount" } => tags.OrderBy(postCount).ThenBy(t => t.Name),
                { Field: "name", Descending: true } => tags.OrderByDescending(t => t.Name),
                _ => tags.OrderBy(t => t.Name),
            };
            var fields = TagFields.Parse(query.Fields)!;
            var page = await TagFields.Rows(ordered.ThenBy(t => t.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize),
                db, fields, query.IncludeUnpublished, now).ToListAsync(ct);
            return new(new Paged<TagResponse>([.. page.Select(r => r.ToResponse(fields))], Pagination.Of(query.Page, query.PageSize, total)), etag);
        }
    }
}
