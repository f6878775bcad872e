using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cms.Domain;

namespace Cms.Application.Import;

/// <summary>A post as it is exported, read straight from SQL.</summary>
public sealed record ExportedPost(
    Guid Id, string Slug, string Title, string? Excerpt, string Body, PostStatus Status, DateTimeOffset? PublishedAt,
    List<string> Authors, List<string> Tags, string[] Categories, string Metadata, string? Image);

/// <summary>
/// Writes a post back as a Jekyll file that <see cref="JekyllPost.Read"/> reads to the same post: the
/// fields with a key of their own first, then the metadata keys in their stored order.
/// </summary>
public static partial class JekyllWriter
{
    /// <summary>Metadata keys the writer never copies: they would change what the file means on import.</summary>
    private static readonly string[] Reserved = ["title", "date", "slug", "author", "authors", "categories", "category", "tags", "tag", "excerpt", "published"];

    public const string ImageFolder = "assets/images/";

    public static (string Path, string Text) Write(ExportedPost post, TimeZoneInfo zone)
    {
        using var metadata = JsonDocument.Parse(post.Metadata);
        var separator = metadata.RootElement.TryGetProperty("excerpt_separator", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(Scalar(post.Title)).Append('\n');
        string? day = null;
        if (post.PublishedAt is { } at)
        {
            var local = TimeZoneInfo.ConvertTime(at, zone);
            day = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var fraction = local.Ticks % TimeSpan.TicksPerSecond == 0 ? "" : local.ToString(".ffffff", CultureInfo.InvariantCulture).TrimEnd('0');
            var offset = local.Offset;
            text.Append("date: ").Append(local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(fraction)
                .Append(offset < TimeSpan.Zero ? " -" : " +").Append(offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture)).Append('\n');
        }
        if (post.Authors.Count == 1) text.Append("author: ").Append(Scalar(post.Authors[0])).Append('\n');
        if (post.Authors.Count > 1) text.Append("authors: ").Append(List(post.Authors)).Append('\n');
        if (post.Categories.Length > 0) text.Append("categories: ").Append(List(post.Categories)).Append('\n');
        if (post.Tags.Count > 0) text.Append("tags: ").Append(List(post.Tags)).Append('\n');
        if (post.Excerpt is not null && post.Excerpt != JekyllPost.ExcerptBefore(post.Body, separator))
            text.Append("excerpt: ").Append(Scalar(post.Excerpt)).Append('\n');
        if (post.Image is not null) text.Append("image: ").Append(ImageFolder).Append(post.Image).Append('\n');
        if (post.Status == PostStatus.Draft) text.Append("published: false\n");
        foreach (var property in metadata.RootElement.EnumerateObject())
        {
            if (Reserved.Contains(property.Name) || (property.Name == "image" && post.Image is not null)) continue;
            text.Append(Scalar(property.Name)).Append(": ").Append(Value(property.Value)).Append('\n');
        }
        text.Append("---\n").Append(post.Body);
        var path = post.Status == PostStatus.Draft || day is null ? $"_drafts/{post.Slug}.md" : $"_posts/{day}-{post.Slug}.md";
        return (path, text.ToString());
    }

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Scalar)) + "]";

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Scalar(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Value)) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", value.EnumerateObject().Select(p => Scalar(p.Name) + ": " + Value(p.Value))) + "}",
        _ => "null",
    };

    /// <summary>Plain when the text cannot be read as anything else (a number, a bool, a date, YAML syntax); double-quoted otherwise.</summary>
    public static string Scalar(string text)
    {
        if (Plain().IsMatch(text) && FrontMatter.ToJson(new YamlDotNet.Core.Events.Scalar(YamlDotNet.Core.AnchorName.Empty, YamlDotNet.Core.TagName.Empty, text, YamlDotNet.Core.ScalarStyle.Plain, true, false)) is System.Text.Json.Nodes.JsonValue v
            && v.GetValueKind() == JsonValueKind.String && JekyllDates.Parse(text, TimeZoneInfo.Utc) is null)
            return text;
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\r': quoted.Append("\\r"); break;
                case < ' ' or '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF':
                    quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
                default: quoted.Append(c); break;
            }
        }
        return quoted.Append('"').ToString();
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_/][\p{L}\p{N} _./\-]*(?<! )$")]
    private static partial Regex Plain();
}
