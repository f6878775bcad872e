using System.Text;
using AnyAscii;
using Cms.Domain;

namespace Cms.Application.Common;

/// <summary>Readable, stable URL slugs from any title: transliterated to ASCII, lowercase, hyphenated.</summary>
public static class Slugs
{
    /// <summary><c>Café Ünïcode — 東京 2026</c> → <c>cafe-unicode-dongjing-2026</c>; <paramref name="fallback"/> when nothing is left.</summary>
    public static string From(string text, string fallback)
    {
        var ascii = text.Transliterate();
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
        if (slug.Length > Slug.MaxLength)
        {
            slug = slug[..Slug.MaxLength];
            var cut = slug.LastIndexOf('-');
            slug = cut > Slug.MaxLength / 2 ? slug[..cut] : slug.TrimEnd('-');
        }
        return slug.Length == 0 ? fallback : slug;
    }
}
