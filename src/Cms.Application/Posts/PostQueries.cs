using System.Linq.Expressions;
using Cms.Domain;

namespace Cms.Application.Posts;

/// <summary>The SQL shapes every post read shares, so by id, by slug and lists agree.</summary>
public static class PostQueries
{
    public static IQueryable<Post> VisibleTo(this IQueryable<Post> posts, bool includeUnpublished, DateTimeOffset now) =>
        includeUnpublished ? posts : posts.Where(p => p.Status == PostStatus.Published && p.PublishedAt <= now);

    /// <summary>Projects in SQL; related authors and tags come in the same round of statements, never per post.</summary>
    public static Expression<Func<Post, PostRow>> ToRow(bool withBody) => p => new PostRow(
        p.Id,
        p.Slug,
        p.Title,
        p.Excerpt,
        withBody ? p.Body : null,
        withBody ? p.Html : null,
        p.Status,
        p.PublishedAt,
        p.Authors.OrderBy(a => a.Position).Select(a => new AuthorRef(a.Author.Id, a.Author.Slug, a.Author.Name)).ToList(),
        p.Tags.OrderBy(t => t.Position).Select(t => new TagRef(t.Tag.Id, t.Tag.Slug, t.Tag.Name)).ToList(),
        p.Categories,
        p.Metadata,
        p.ReadingTimeMinutes,
        p.CreatedAt,
        p.UpdatedAt,
        p.Version);
}
