using System.Text.Json;
using Cms.Application.Common;
using Cms.Domain;

namespace Cms.Application.Webhooks;

/// <summary>
/// Adds events to the outbox. The row is only added to the change tracker: the command's one
/// <c>SaveChangesAsync</c> writes it in the same transaction as the change, so a rejected write
/// leaves no event and a committed one always has its event.
/// </summary>
public static class Outbox
{
    public static void Add(ICmsDb db, string type, Guid resourceId, object data, DateTimeOffset now) =>
        db.OutboxEvents.Add(new OutboxEvent(type, resourceId, JsonSerializer.Serialize(data, CmsJson.Options), now));

    /// <summary>post.published, post.unpublished or post.updated, from what the change means to readers.</summary>
    public static void PostChanged(ICmsDb db, Post post, DateTimeOffset now)
    {
        var type = post.RecordChange(now) switch
        {
            PostChange.Published => WebhookEvents.PostPublished,
            PostChange.Unpublished => WebhookEvents.PostUnpublished,
            _ => WebhookEvents.PostUpdated,
        };
        Add(db, type, post.Id, PostData(post, now), now);
    }

    public static void PostDeleted(ICmsDb db, Post post, DateTimeOffset now) =>
        Add(db, WebhookEvents.PostDeleted, post.Id, PostData(post, now), now);

    public static object PostData(Post post, DateTimeOffset now) =>
        new { post.Id, post.Slug, post.Title, Status = post.StatusAt(now), post.PublishedAt };

    public static void TagChanged(ICmsDb db, string type, Tag tag, DateTimeOffset now) =>
        Add(db, type, tag.Id, new { tag.Id, tag.Slug, tag.Name }, now);

    public static void AuthorChanged(ICmsDb db, string type, Author author, DateTimeOffset now) =>
        Add(db, type, author.Id, new { author.Id, author.Slug, author.Name }, now);

    public static void ImageChanged(ICmsDb db, string type, Image image, DateTimeOffset now) =>
        Add(db, type, image.Id, new { image.Id, Url = "/media/" + image.FileName, image.ContentType, image.Alt }, now);
}
