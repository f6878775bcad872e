using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

/// <summary>
/// Posts embed their tags and authors, so renaming or deleting one changes those posts too: they
/// get a new version (ETag) and updatedAt in the same save, and no reader keeps a stale 304.
/// </summary>
public static class EmbeddedChanges
{
    public static async Task TouchPostsWithTagAsync(ICmsDb db, Guid tagId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var post in await db.Posts.Where(p => p.Tags.Any(t => t.TagId == tagId)).ToListAsync(ct))
            Touch(db, post, now);
    }

    public static async Task TouchPostsByAuthorAsync(ICmsDb db, Guid authorId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var post in await db.Posts.Where(p => p.Authors.Any(a => a.AuthorId == authorId)).ToListAsync(ct))
            Touch(db, post, now);
    }

    /// <summary>Written even when the clock has not moved since the last write, so the version always changes.</summary>
    public static void Touch(ICmsDb db, Domain.Post post, DateTimeOffset now)
    {
        post.Touch(now);
        db.MarkModified(post, nameof(Domain.Post.UpdatedAt));
    }
}
