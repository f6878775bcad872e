using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cms.Application.Common;

/// <summary>Writes every timestamp in UTC with a <c>Z</c> (<c>2026-01-06T22:30:55Z</c>); reads any ISO 8601 offset.</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    /// <summary>
    /// A UTC <see cref="DateTime"/> is written by the writer itself as ISO 8601 with a <c>Z</c> and no trailing zeros in
    /// the fraction, the same text as the format <c>yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'</c>, without building a string first
    /// (a post has three timestamps, a list page sixty).
    /// </summary>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
