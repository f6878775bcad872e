using Cms.Domain;

namespace Cms.Application.Posts;

/// <summary>The filter every post read shares, so by id, by slug and lists agree on what readers may see.</summary>
public static class PostQueries
{
    public static IQueryable<Post> VisibleTo(this IQueryable<Post> posts, bool includeUnpublished, DateTimeOffset now) =>
        includeUnpublished ? posts : posts.Where(p => p.Status == PostStatus.Published && p.PublishedAt <= now);
}
