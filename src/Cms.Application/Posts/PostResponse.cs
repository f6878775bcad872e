using System.Text.Json;
using System.Text.Json.Serialization;
using Cms.Application.Common;
using Cms.Application.Images;
using Cms.Domain;

namespace Cms.Application.Posts;

/// <summary>An author as embedded in a post.</summary>
public sealed record AuthorRef(Guid Id, string Slug, string Name);

/// <summary>A tag as embedded in a post.</summary>
public sealed record TagRef(Guid Id, string Slug, string Name);

/// <summary>A post as the API returns it. With <c>fields=</c>, only the fields asked for are present.</summary>
public sealed record PostResponse : ISparseResponse
{
    public Guid Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>Short summary shown in lists.</summary>
    public string? Excerpt { get; init; }
    /// <summary>Markdown source; in lists only when asked for with fields.</summary>
    public string? Body { get; init; }
    /// <summary>The body rendered to sanitized HTML; in lists only when asked for with fields.</summary>
    public string? Html { get; init; }
    /// <summary>draft, published, or scheduled (published with a future publishedAt).</summary>
    public PostStatus Status { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public IReadOnlyList<AuthorRef> Authors { get; init; } = [];
    public IReadOnlyList<TagRef> Tags { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Front-matter keys without a field of their own, as they were written.</summary>
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init; } = new Dictionary<string, JsonElement>();
    /// <summary>The picture shown with the post, from the media library; null when there is none.</summary>
    public ImageRef? FeatureImage { get; init; }
    public int ReadingTimeMinutes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The row version, the same value as the ETag header.</summary>
    public string Version { get; init; } = "";
    /// <summary>With q and fields=...,highlight: the matching passages, HTML-escaped, matches wrapped in &lt;mark&gt;.</summary>
    public string? Highlight { get; init; }

    [JsonIgnore]
    public IReadOnlySet<string>? Fields { get; init; }
}

/// <summary>The columns a post query reads (only those the request needs), before the few touches done in memory.</summary>
public sealed class PostRow
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Excerpt { get; set; }
    public string? Body { get; set; }
    public string? Html { get; set; }
    public PostStatus Status { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<AuthorRef>? Authors { get; set; }
    public List<TagRef>? Tags { get; set; }
    public string[]? Categories { get; set; }
    public string? Metadata { get; set; }
    public ImageRef? FeatureImage { get; set; }
    public int ReadingTimeMinutes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
    public float Rank { get; set; }
    public string? Highlight { get; set; }

    public PostResponse ToResponse(DateTimeOffset now, IReadOnlySet<string> fields) => new()
    {
        Id = Id, Slug = Slug, Title = Title, Excerpt = Excerpt, Body = Body, Html = Html,
        Status = Status == PostStatus.Published && PublishedAt > now ? PostStatus.Scheduled : Status,
        PublishedAt = PublishedAt,
        Authors = Authors ?? [], Tags = Tags ?? [], Categories = Categories ?? [],
        Metadata = Metadata is null ? new Dictionary<string, JsonElement>()
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Metadata, CmsJson.Options) ?? [],
        FeatureImage = FeatureImage, ReadingTimeMinutes = ReadingTimeMinutes, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        Version = Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Highlight = Highlight is null ? null : Highlights.ToSafeHtml(Highlight),
        Fields = fields,
    };
}
