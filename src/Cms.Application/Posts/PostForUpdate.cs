using Cms.Application.Common.Exceptions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

public static class PostForUpdate
{
    /// <summary>
    /// Loads a post with its byline and tags for a change; a stale <paramref name="ifMatch"/> fails
    /// now, and a change by someone else between this read and the save fails the save (xmin check).
    /// </summary>
    public static async Task<Post> LoadAsync(ICmsDb db, Guid id, uint? ifMatch, CancellationToken ct)
    {
        var post = await db.Posts
            .Include(p => p.Authors).ThenInclude(a => a.Author)
            .Include(p => p.Tags).ThenInclude(t => t.Tag)
            .FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("Post", id.ToString());
        if (ifMatch is { } expected)
        {
            if (post.Version != expected) throw new PreconditionFailedException();
            db.ExpectVersion(post, expected);
        }
        return post;
    }
}
