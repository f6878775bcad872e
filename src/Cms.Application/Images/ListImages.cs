using Cms.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Images;

public static class ListImages
{
    /// <summary>A page of the media library, newest first.</summary>
    public sealed record Query(int Page, int PageSize, bool IsAdmin, string? Fields = null, string? IfNoneMatch = null)
        : IQuery<ListResult<ImageResponse>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Fields).Must(f => ImageFields.Parse(f) is not null).WithMessage(SparseFields.Describe(ImageFields.All));
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.Page).Must((q, page) => PageRules.IsReachable(page, q.PageSize)).WithMessage(PageRules.TooFar);
            RuleFor(q => q.PageSize).InclusiveBetween(1, PageRules.MaxPageSize);
        }
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock, ListVersions versions) : IQueryHandler<Query, ListResult<ImageResponse>>
    {
        public async ValueTask<ListResult<ImageResponse>> Handle(Query query, CancellationToken ct)
        {
            var etag = await versions.ETagAsync("images", query.IsAdmin, clock.GetUtcNow(), ct);
            if (ListVersions.Matches(query.IfNoneMatch, etag)) return new(null, etag);

            var fields = ImageFields.Parse(query.Fields)!;
            var images = db.Images.AsNoTracking();
            var total = await images.CountAsync(ct);
            var rows = await images
                .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                .Select(ImageFields.Row)
                .ToListAsync(ct);
            return new(new Paged<ImageResponse>([.. rows.Select(r => r.ToResponse(fields))], Pagination.Of(query.Page, query.PageSize, total)), etag);
        }
    }
}
