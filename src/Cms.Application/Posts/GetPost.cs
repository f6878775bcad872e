using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

public static class GetPost
{
    /// <param name="IncludeUnpublished">True for the admin scope; readers get 404 for drafts and scheduled posts.</param>
    public sealed record Query(Guid Id, bool IncludeUnpublished) : IQuery<PostResponse>;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, PostResponse>
    {
        public async ValueTask<PostResponse> Handle(Query query, CancellationToken ct) =>
            await ReadAsync(db, query.Id, query.IncludeUnpublished, clock.GetUtcNow(), ct);
    }

    public static async Task<PostResponse> ReadAsync(ICmsDb db, Guid id, bool includeUnpublished, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.Posts.AsNoTracking()
            .Where(p => p.Id == id)
            .VisibleTo(includeUnpublished, now)
            .Select(PostQueries.ToRow(withBody: true))
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Post", id.ToString());
        return row.ToResponse(now);
    }
}
