using Cms.Domain;

namespace Cms.Application.Webhooks;

/// <summary>The event types a webhook can subscribe to, by name or with a wildcard (<c>post.*</c>, <c>*</c>).</summary>
public static class WebhookEvents
{
    public const string PostPublished = "post.published";
    public const string PostUpdated = "post.updated";
    public const string PostUnpublished = "post.unpublished";
    public const string PostDeleted = "post.deleted";
    public const string TagCreated = "tag.created";
    public const string TagUpdated = "tag.updated";
    public const string TagDeleted = "tag.deleted";
    public const string AuthorCreated = "author.created";
    public const string AuthorUpdated = "author.updated";
    public const string AuthorDeleted = "author.deleted";
    public const string ImageCreated = "image.created";
    public const string ImageUpdated = "image.updated";
    public const string ImageDeleted = "image.deleted";

    public static readonly IReadOnlyList<string> All =
    [
        PostPublished, PostUpdated, PostUnpublished, PostDeleted,
        TagCreated, TagUpdated, TagDeleted,
        AuthorCreated, AuthorUpdated, AuthorDeleted,
        ImageCreated, ImageUpdated, ImageDeleted,
    ];

    /// <summary>An event about one post (what happened to it, not to what it embeds).</summary>
    public static bool IsPostEvent(string type) => type is PostPublished or PostUpdated or PostUnpublished or PostDeleted;

    /// <summary>A pattern is valid when it names at least one event: a type, <c>resource.*</c> or <c>*</c>.</summary>
    public static bool IsValidPattern(string pattern) => All.Any(type => Webhook.Matches([pattern], type));
}
