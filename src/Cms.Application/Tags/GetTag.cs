using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Tags;

public static class GetTag
{
    public sealed record Query(Guid Id, bool IncludeUnpublished) : IQuery<TagResponse>;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, TagResponse>
    {
        public async ValueTask<TagResponse> Handle(Query query, CancellationToken ct) =>
            await TagChanges.ReadAsync(db, query.Id, query.IncludeUnpublished, clock.GetUtcNow(), ct);
    }
}

public static class GetTagBySlug
{
    public sealed record Query(string Slug, bool IncludeUnpublished) : IQuery<TagResponse>;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, TagResponse>
    {
        public async ValueTask<TagResponse> Handle(Query query, CancellationToken ct)
        {
            var row = await TagQueries.Rows(db, query.IncludeUnpublished, clock.GetUtcNow())
                .FirstOrDefaultAsync(t => t.Slug == query.Slug, ct)
                ?? throw new NotFoundException("Tag", query.Slug);
            return row.ToResponse();
        }
    }
}
