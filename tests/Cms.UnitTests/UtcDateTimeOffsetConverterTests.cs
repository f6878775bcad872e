using System.Text.Json;
using Cms.Application.Common;

namespace Cms.UnitTests;

public sealed class UtcDateTimeOffsetConverterTests
{
    [Theory]
    [InlineData(2026, 1, 6, 23, 30, 55, 0, 1, "\"2026-01-06T22:30:55Z\"")]
    [InlineData(2026, 1, 6, 22, 30, 55, 0, 0, "\"2026-01-06T22:30:55Z\"")]
    [InlineData(2026, 1, 6, 23, 30, 55, 123, -5, "\"2026-01-07T04:30:55.123Z\"")]
    [InlineData(2026, 1, 1, 0, 30, 0, 500, 2, "\"2025-12-31T22:30:00.5Z\"")]
    public void An_offset_time_is_written_in_utc_with_a_trailing_z(
        int year, int month, int day, int hour, int minute, int second, int millisecond, int offsetHours, string expected)
    {
        var value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.FromHours(offsetHours));

        Assert.Equal(expected, JsonSerializer.Serialize(value, CmsJson.Options));
    }

    [Fact]
    public void Every_precision_is_written_as_the_round_trip_format_without_trailing_zeros()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 10_000; i++)
        {
            // Whole seconds, milliseconds, microseconds (what PostgreSQL keeps) and whole ticks, at any offset.
            var ticks = random.NextInt64(DateTime.UnixEpoch.Ticks, new DateTime(2100, 1, 1).Ticks);
            ticks -= ticks % (i % 4) switch { 0 => TimeSpan.TicksPerSecond, 1 => TimeSpan.TicksPerMillisecond, 2 => 10, _ => 1 };
            var value = new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1)));
            var expected = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(value, CmsJson.Options));
        }
    }

    [Fact]
    public void A_nullable_time_in_a_record_is_written_in_utc_too()
    {
        var json = JsonSerializer.Serialize(new Stamp(new DateTimeOffset(2026, 1, 6, 23, 30, 55, TimeSpan.FromHours(2))), CmsJson.Options);

        Assert.Equal("""{"at":"2026-01-06T21:30:55Z"}""", json);
    }

    [Theory]
    [InlineData("\"2026-01-06T23:30:55+01:00\"")]
    [InlineData("\"2026-01-06T22:30:55Z\"")]
    [InlineData("\"2026-01-06T17:30:55-05:00\"")]
    public void Any_iso_8601_offset_is_read_as_the_same_instant(string json)
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>(json, CmsJson.Options);

        Assert.Equal(new DateTimeOffset(2026, 1, 6, 22, 30, 55, TimeSpan.Zero), value);
    }

    private sealed record Stamp(DateTimeOffset? At);
}
