using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cms.Client;

// The records mirror the schemas of openapi.yaml (same names without "Response"), with the same
// nullability: what the document marks nullable or leaves out of "required" is nullable here, so a
// response read with fields= (only some fields present) still deserializes.

/// <summary>PostStatus: only draft and published are stored; scheduled is a published post whose publishedAt is ahead.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PostStatus>))]
public enum PostStatus
{
    [JsonStringEnumMemberName("draft")] Draft,
    [JsonStringEnumMemberName("published")] Published,
    [JsonStringEnumMemberName("scheduled")] Scheduled,
}

public sealed record AuthorRef(Guid Id, string Slug, string Name);

public sealed record TagRef(Guid Id, string Slug, string Name);

public sealed record ImageRef(Guid Id, string Url, int Width, int Height, string? Alt);

public sealed record Post(
    Guid Id, string Slug, string Title, string? Excerpt, string? Body, string? Html, PostStatus? Status,
    DateTimeOffset? PublishedAt, IReadOnlyList<AuthorRef>? Authors, IReadOnlyList<TagRef>? Tags,
    IReadOnlyList<string>? Categories, IReadOnlyDictionary<string, JsonElement>? Metadata, ImageRef? FeatureImage,
    int? ReadingTimeMinutes, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, string? Version, string? Highlight);

public sealed record Author(
    Guid Id, string Slug, string Name, string? Bio, string? Website, string? Email, ImageRef? AvatarImage,
    int? PostCount, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, string? Version);

public sealed record Tag(
    Guid Id, string Slug, string Name, string? Description, int? PostCount,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, string? Version);

public sealed record Image(
    Guid Id, string Url, string ContentType, int Width, int Height, long ByteSize, string Sha256,
    string? Alt, string? Caption, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Version);

public sealed record Pagination(int Page, int PageSize, int Total, int TotalPages, string? NextCursor);

/// <summary>One page of a list: the envelope every list endpoint returns.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, Pagination Pagination);

/// <summary>The body of POST and PUT /api/v1/posts. Null fields are left out of the JSON.</summary>
public sealed record PostInput(string Title)
{
    public string? Slug { get; init; }
    public string? Excerpt { get; init; }
    public string? Body { get; init; }
    public PostStatus? Status { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public IReadOnlyList<string>? Authors { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyDictionary<string, object?>? Metadata { get; init; }
    public Guid? FeatureImageId { get; init; }
}

public sealed record AuthorInput(string Name)
{
    public string? Slug { get; init; }
    public string? Bio { get; init; }
    public string? Website { get; init; }
    public string? Email { get; init; }
    public Guid? AvatarImageId { get; init; }
}

public sealed record TagInput(string Name)
{
    public string? Slug { get; init; }
    public string? Description { get; init; }
}

/// <summary>The query of GET /api/v1/posts. Lists are comma lists, as the API takes them.</summary>
public sealed record PostQuery
{
    public string? Status { get; init; }
    public string? Tag { get; init; }
    public string? Author { get; init; }
    public string? Category { get; init; }
    public DateTimeOffset? PublishedAfter { get; init; }
    public DateTimeOffset? PublishedBefore { get; init; }
    public string? Q { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Cursor { get; init; }
    public string? Fields { get; init; }
}

/// <summary>An RFC 9457 problem: every error answer of the API.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, string? Instance, string? TraceId,
    IReadOnlyDictionary<string, string[]>? Errors);
