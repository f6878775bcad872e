using System.Globalization;

namespace Cms.Application.Common;

/// <summary>
/// The version (and ETag) of an author or a tag. Their <c>postCount</c> changes when a post is written,
/// without touching the author's or tag's row, so a response that carries <c>postCount</c> has the
/// version "rowVersion.postCount": a client revalidating with If-None-Match gets the new count, not a
/// 304. If-Match compares the row version only (the part before the dot): postCount is not editable, so
/// a post published meanwhile does not make an edit of the author a conflict.
/// </summary>
public static class CountedVersion
{
    public static string Of(uint rowVersion, int postCount, IReadOnlySet<string> fields) =>
        fields.Contains("postCount")
            ? string.Create(CultureInfo.InvariantCulture, $"{rowVersion}.{postCount}")
            : rowVersion.ToString(CultureInfo.InvariantCulture);

    /// <summary>The row version in a version written by <see cref="Of"/>; null when it is not one.</summary>
    public static uint? RowVersion(string value)
    {
        var dot = value.IndexOf('.');
        var row = dot < 0 ? value : value[..dot];
        if (dot >= 0 && !int.TryParse(value.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
        return uint.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
