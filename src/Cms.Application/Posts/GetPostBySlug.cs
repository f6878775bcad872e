using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

public static class GetPostBySlug
{
    public sealed record Query(string Slug, bool IncludeUnpublished) : IQuery<PostResponse>;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : IQueryHandler<Query, PostResponse>
    {
        public async ValueTask<PostResponse> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var row = await db.Posts.AsNoTracking()
                .Where(p => p.Slug == query.Slug)
                .VisibleTo(query.IncludeUnpublished, now)
                .Select(PostQueries.ToRow(withBody: true))
                .FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("Post", query.Slug);
            return row.ToResponse(now);
        }
    }
}
