using System.Globalization;
using System.Text.RegularExpressions;

namespace Cms.Application.Import;

/// <summary>The date forms Jekyll reads: a day, a time with <c>T</c> or a space, seconds and fractions optional, an optional offset.</summary>
public static partial class JekyllDates
{
    /// <summary>The instant, or null when the text is no Jekyll date. Without an offset the date is in <paramref name="zone"/>.</summary>
    public static DateTimeOffset? Parse(string text, TimeZoneInfo zone)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return null;
        var local = $"{m.Groups["day"].Value} {(m.Groups["time"].Success ? m.Groups["time"].Value : "00:00")}";
        if (!DateTime.TryParseExact(local, ["yyyy-MM-dd H:mm", "yyyy-MM-dd H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
            return null;
        if (m.Groups["fraction"].Success)
            wall = wall.AddTicks(long.Parse(m.Groups["fraction"].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture));
        // PostgreSQL keeps microseconds: a finer date would never compare equal after a round trip.
        wall = new DateTime(wall.Ticks / 10 * 10, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (!m.Groups["zone"].Success) offset = zone.GetUtcOffset(wall);
        else if (m.Groups["zone"].Value is "Z" or "z") offset = TimeSpan.Zero;
        else
        {
            var sign = m.Groups["sign"].Value == "-" ? -1 : 1;
            var hours = int.Parse(m.Groups["hh"].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups["mm"].Success ? int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59) return null;
            offset = sign * new TimeSpan(hours, minutes, 0);
        }
        // 0001-01-01 00:00 +0100 is before the first instant .NET can hold.
        var utc = wall.Ticks - offset.Ticks;
        return utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks ? null : new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    [GeneratedRegex(@"^(?<day>\d{4}-\d{2}-\d{2})(?:[Tt ]+(?<time>\d{1,2}:\d{2}(?::\d{2})?)(?:\.(?<fraction>\d{1,9}))?)?\s*(?<zone>[Zz]|(?<sign>[-+])(?<hh>\d{1,2})(?::?(?<mm>\d{2}))?)?$")]
    private static partial Regex Pattern();
}
