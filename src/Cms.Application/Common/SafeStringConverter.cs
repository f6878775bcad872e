using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cms.Application.Common;

/// <summary>
/// Every string a client sends: control characters other than tab and line breaks, and broken
/// surrogate pairs, are refused as malformed (400) before they reach PostgreSQL, which cannot store
/// a NUL and would fail to encode half a surrogate pair.
/// </summary>
public sealed class SafeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is null) return null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                throw new JsonException("The text contains a control character.");
            if (char.IsHighSurrogate(c) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[++i])))
                throw new JsonException("The text contains a broken surrogate pair.");
            if (char.IsLowSurrogate(c)) throw new JsonException("The text contains a broken surrogate pair.");
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
