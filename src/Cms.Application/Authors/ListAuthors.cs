using Cms.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Authors;

public static class ListAuthors
{
    public static readonly string[] SortFields = ["name", "postCount"];

    /// <param name="Q">Prefix of the name or slug, ignoring case and accents.</param>
    public sealed record Query(string? Q, string? Sort, int Page, int PageSize, bool IsAdmin, string? Fields = null, string? IfNoneMatch = null)
        : IQuery<ListResult<AuthorResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).MaximumLength(100);
            RuleFor(q => q.Sort).Must(s => Sorting.Parse(s, SortFields) is { Count: <= 1 })
                .WithMessage("'sort' must be one of name, -name, postCount, -postCount.");
            RuleFor(q => q.Fields).Must(f => AuthorFields.Parse(f, true) is not null).WithMessage(SparseFields.Describe(AuthorFields.All));
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.Page).Must((q, page) => PageRules.IsReachable(page, q.PageSize)).WithMessage(PageRules.TooFar);
            RuleFor(q => q.PageSize).InclusiveBetween(1, PageRules.MaxPageSize);
        }
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock, ListVersions versions) : IQueryHandler<Query, ListResult<AuthorResponse>>
    {
        public async ValueTask<ListResult<AuthorResponse>> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var etag = await versions.ETagAsync("authors", query.IsAdmin, now, ct);
            if (ListVersions.Matches(query.IfNoneMatch, etag)) return new(null, etag);

            var authors = AuthorFields.Matching(db.Authors.AsNoTracking(), query.Q);
            var total = await authors.CountAsync(ct);
            var postCount = AuthorFields.PostCount(db, query.IsAdmin, now);
            var ordered = Sorting.Parse(query.Sort, SortFields)!.FirstOrDefault() switch
            {
                { Field: "postCount", Descending: true } => authors.OrderByDescending(postCount).ThenBy(a => a.Name),
                { Field: "postCount" } => authors.OrderBy(postCount).ThenBy(a => a.Name),
                { Field: "name", Descending: true } => authors.OrderByDescending(a => a.Name),
                _ => authors.OrderBy(a => a.Name),
            };
            var fields = AuthorFields.Parse(query.Fields, query.IsAdmin)!;
            var page = await AuthorFields.Rows(ordered.ThenBy(a => a.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize),
                db, fields, query.IsAdmin, now).ToListAsync(ct);
            return new(new Paged<AuthorResponse>([.. page.Select(r => r.ToResponse(fields))], Pagination.Of(query.Page, query.PageSize, total)), etag);
        }
    }
}
