using System.Net;

namespace Cms.Application.Posts;

/// <summary>
/// ts_headline marks matches with control characters that cannot occur in a post; everything else
/// is HTML-escaped, then the marks become &lt;mark&gt;: a snippet can never carry markup of its own.
/// </summary>
public static class Highlights
{
    public const string Start = "\u0002";
    public const string Stop = "\u0003";
    public const string Options = "StartSel=\u0002, StopSel=\u0003, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=\" … \"";

    public static string ToSafeHtml(string headline) =>
        WebUtility.HtmlEncode(headline).Replace(Start, "<mark>", StringComparison.Ordinal).Replace(Stop, "</mark>", StringComparison.Ordinal);
}
