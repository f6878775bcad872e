namespace Cms.Application.Posts;

/// <summary>The fields a post can be asked for (PostPage reads only the columns they need).</summary>
public static class PostFields
{
    public static readonly string[] All =
    [
        "id", "slug", "title", "excerpt", "body", "html", "status", "publishedAt", "authors", "tags", "categories",
        "metadata", "featureImage", "readingTimeMinutes", "createdAt", "updatedAt", "version", "highlight",
    ];

    /// <summary>Lists leave out the heavy body and html (and highlight, which needs q).</summary>
    public static readonly IReadOnlySet<string> ListDefaults = All.Except(["body", "html", "highlight"]).ToHashSet();

    public static readonly IReadOnlySet<string> ItemDefaults = All.Except(["highlight"]).ToHashSet();
}
