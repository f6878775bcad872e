using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Application.Common;
using Cms.Domain;

namespace Cms.Application.Import;

/// <summary>What one Jekyll file says about its post, before anything is looked up in the database.</summary>
/// <param name="Image">The <c>image</c> front matter as written; it stays in <paramref name="Metadata"/> until it is found.</param>
public sealed partial record JekyllPost(
    string File,
    string Slug,
    string Title,
    DateTimeOffset? Date,
    bool Draft,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Tags,
    string? Excerpt,
    string? Image,
    string Body,
    JsonObject Metadata)
{
    /// <summary>Keys with a field of their own; every other key is metadata.</summary>
    private static readonly string[] Known = ["title", "date", "slug", "author", "authors", "categories", "category", "tags", "tag", "excerpt"];

    /// <summary>Reads a post file: front matter and body, the slug and date from the file name where the front matter has none.</summary>
    /// <param name="inDrafts">The file is in <c>_drafts/</c>: a draft whatever <c>published</c> says.</param>
    /// <param name="zone">The zone of dates written without an offset.</param>
    public static JekyllPost Read(string file, string text, bool inDrafts, TimeZoneInfo zone)
    {
        var document = FrontMatter.Parse(text);
        var fields = document.Fields;
        var name = FileName().Match(Path.GetFileNameWithoutExtension(file.Replace('\\', '/').Split('/')[^1]));
        var nameDate = name.Groups["date"].Success ? name.Groups["date"].Value : null;
        var nameSlug = name.Groups["slug"].Value;

        var title = Text(fields, "title")?.Trim();
        var slugValue = Text(fields, "slug")?.Trim();
        var slug = slugValue is { Length: > 0 } ? (Cms.Domain.Slug.IsValid(slugValue) ? slugValue : Slugs.From(slugValue, "post"))
            : nameSlug.Length > 0 ? (Cms.Domain.Slug.IsValid(nameSlug) ? nameSlug : Slugs.From(nameSlug, "post"))
            : Slugs.From(title ?? "", "post");
        if (string.IsNullOrEmpty(title)) title = Humanize(nameSlug.Length > 0 ? nameSlug : slug);

        DateTimeOffset? date = null;
        if (fields["date"] is { } dateNode)
        {
            var raw = dateNode.ToString();
            date = JekyllDates.Parse(raw, zone) ?? throw new ImportFileException(
                $"'date: {raw}' is not a date (write 2026-01-06, 2026-01-06 22:30:55 or 2026-01-06 22:30:55 +0100).");
        }
        else if (nameDate is not null) date = JekyllDates.Parse(nameDate, zone);

        var draft = inDrafts;
        var metadata = new JsonObject();
        string? image = null;
        foreach (var (key, value) in fields)
        {
            if (Known.Contains(key)) continue;
            if (key == "published" && value is JsonValue p && p.TryGetValue<bool>(out var published))
            {
                draft |= !published;
                continue;
            }
            if (key == "image" && value is JsonValue i && i.TryGetValue<string>(out var path)) image = path.Trim();
            metadata[key] = value?.DeepClone();
        }

        var excerpt = Text(fields, "excerpt");
        if (excerpt is null && Text(fields, "excerpt_separator") is { Length: > 0 } separator
            && document.Body.IndexOf(separator, StringComparison.Ordinal) is var at and >= 0)
            excerpt = document.Body[..at].Trim();

        return new JekyllPost(file, slug, title, date, draft,
            List(fields["authors"] ?? fields["author"], split: false),
            [.. List(fields["categories"], split: true), .. List(fields["category"], split: false)],
            [.. List(fields["tags"], split: true), .. List(fields["tag"], split: false)],
            excerpt, image, document.Body, metadata);
    }

    /// <summary>The excerpt a post would get from its body and separator, so the export can leave it out when they agree.</summary>
    public static string? ExcerptBefore(string body, string? separator) =>
        separator is { Length: > 0 } && body.IndexOf(separator, StringComparison.Ordinal) is var at and >= 0 ? body[..at].Trim() : null;

    private static string? Text(JsonObject fields, string key) => fields[key] switch
    {
        null => null,
        JsonValue value => value.ToString(),
        var other => throw new ImportFileException($"'{key}' must be a single value, not {(other is JsonArray ? "a list" : "a mapping")}."),
    };

    /// <summary>A YAML list, or one string (space-separated when <paramref name="split"/>, as Jekyll reads categories and tags).</summary>
    private static List<string> List(JsonNode? node, bool split) => node switch
    {
        null => [],
        JsonArray items => [.. items.Where(i => i is JsonValue).Select(i => i!.ToString().Trim()).Where(i => i.Length > 0)],
        JsonValue value when split => [.. value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        JsonValue value => value.ToString().Trim() is { Length: > 0 } one ? [one] : [],
        _ => throw new ImportFileException("Authors, categories and tags must be a list or text, not a mapping."),
    };

    private static string Humanize(string slug)
    {
        var words = slug.Replace('-', ' ').Trim();
        return words.Length == 0 ? "Untitled" : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    [GeneratedRegex(@"^(?:(?<date>\d{4}-\d{2}-\d{2})-)?(?<slug>.*)$")]
    private static partial Regex FileName();
}
