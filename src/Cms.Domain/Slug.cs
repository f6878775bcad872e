using System.Text.RegularExpressions;

namespace Cms.Domain;

/// <summary>The shape every slug has: lowercase ASCII letters and digits in hyphen-separated runs.</summary>
public static partial class Slug
{
    public const int MaxLength = 200;

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && Pattern().IsMatch(value);

    /// <summary>The n-th alternative of a taken slug: <c>title</c>, <c>title-2</c>, <c>title-3</c>...</summary>
    public static string WithSuffix(string slug, int n)
    {
        if (n <= 1) return slug;
        var suffix = "-" + n;
        var stem = slug.Length + suffix.Length > MaxLength ? slug[..(MaxLength - suffix.Length)].TrimEnd('-') : slug;
        return stem + suffix;
    }

    // \z, not $: $ also matches before a final newline, and "hello\n" is no slug.
    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
    private static partial Regex Pattern();
}
