using System.Text.Json;
using System.Text.Json.Serialization;
using Cms.Application.Common;
using Cms.Domain;

namespace Cms.Application.Posts;

/// <summary>An author as embedded in a post.</summary>
public sealed record AuthorRef(Guid Id, string Slug, string Name);

/// <summary>A tag as embedded in a post.</summary>
public sealed record TagRef(Guid Id, string Slug, string Name);

/// <summary>A post as the API returns it.</summary>
/// <param name="Body">Markdown source; in lists only when asked for.</param>
/// <param name="Html">The body rendered to sanitized HTML; in lists only when asked for.</param>
/// <param name="Status">draft, published, or scheduled (published with a future publishedAt).</param>
/// <param name="Version">The row version, the same value as the ETag header.</param>
public sealed record PostResponse(
    Guid Id,
    string Slug,
    string Title,
    string? Excerpt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Html,
    PostStatus Status,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<AuthorRef> Authors,
    IReadOnlyList<TagRef> Tags,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, JsonElement> Metadata,
    int ReadingTimeMinutes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Version);

/// <summary>The columns a post query reads, before the few touches done in memory.</summary>
public sealed record PostRow(
    Guid Id,
    string Slug,
    string Title,
    string? Excerpt,
    string? Body,
    string? Html,
    PostStatus Status,
    DateTimeOffset? PublishedAt,
    List<AuthorRef> Authors,
    List<TagRef> Tags,
    string[] Categories,
    string Metadata,
    int ReadingTimeMinutes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    public PostResponse ToResponse(DateTimeOffset now) => new(
        Id, Slug, Title, Excerpt, Body, Html,
        Status == PostStatus.Published && PublishedAt > now ? PostStatus.Scheduled : Status,
        PublishedAt, Authors, Tags, Categories,
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Metadata, CmsJson.Options) ?? [],
        ReadingTimeMinutes, CreatedAt, UpdatedAt, Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
