using System.Text;
using AnyAscii;
using Cms.Domain;

namespace Cms.Application.Common;

/// <summary>Readable, stable URL slugs from any title: transliterated to ASCII, lowercase, hyphenated.</summary>
public static partial class Slugs
{
    /// <summary>Room is left for a <c>-2</c>, <c>-3</c>... suffix, so a suffixed slug still starts with its stem.</summary>
    public const int MaxGeneratedLength = Slug.MaxLength - 10;

    /// <summary><c>Café Ünïcode — 東京 2026</c> → <c>cafe-unicode-dongjing-2026</c>; <paramref name="fallback"/> when nothing is left.</summary>
    public static string From(string text, string fallback)
    {
        // "C#" and "C++" are different things; without this both would be "c".
        var ascii = LanguageName().Replace(text, m => m.Groups[1].Value + (m.Groups[2].Value == "#" ? " sharp " : " plus plus ")).Transliterate();
        var sb = new StringBuilder(ascii.Length);
        var pendingHyphen = false;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && sb.Length > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (c != '\'' && c != '’')
            {
                pendingHyphen = true;
            }
        }
        var slug = sb.ToString();
        if (slug.Length > MaxGeneratedLength)
        {
            // Cut at the last word boundary that fits (a hyphen right after the limit counts).
            var cut = slug.LastIndexOf('-', MaxGeneratedLength);
            slug = cut > MaxGeneratedLength / 2 ? slug[..cut] : slug[..MaxGeneratedLength].TrimEnd('-');
        }
        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary>A letter followed by # or ++, as in C#, F#, C++ (not "#42" or "#metoo").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(\p{L})(#|\+\+)")]
    private static partial System.Text.RegularExpressions.Regex LanguageName();
}
