using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cms.Application.Common.Exceptions;

namespace Cms.Application.Common;

/// <summary>What a cursor remembers: the last row's sort values, the page it leads to, and the query it belongs to.</summary>
public sealed record CursorState(JsonElement[] Values, int Page, string Query);

/// <summary>
/// Opaque, signed cursors: base64url JSON plus an HMAC-SHA256 (see <see cref="Signing"/>). A cursor that was altered, or that
/// is sent with other filters than the ones that made it, is a 400.
/// </summary>
public sealed class Cursors(Signing signing)
{

    public const string Invalid = "The cursor is not valid for this query. Send the same filters, q, sort, fields and pageSize as for the first page, or start again without a cursor.";

    public async Task<string> EncodeAsync(IEnumerable<object?> values, int page, string query, CancellationToken ct)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { v = values, p = page, q = query }, CmsJson.Options);
        var signature = HMACSHA256.HashData(await SecretAsync(ct), payload).AsSpan(0, 16);
        return Base64Url(payload) + "." + Base64Url(signature);
    }

    public async Task<CursorState> DecodeAsync(string cursor, string query, CancellationToken ct)
    {
        var parts = cursor.Split('.');
        byte[] payload, signature;
        try
        {
            if (parts.Length != 2) throw new FormatException();
            payload = FromBase64Url(parts[0]);
            signature = FromBase64Url(parts[1]);
        }
        catch (FormatException)
        {
            throw new ValidationException("cursor", Invalid);
        }
        var expected = HMACSHA256.HashData(await SecretAsync(ct), payload).AsSpan(0, 16);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) throw new ValidationException("cursor", Invalid);
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.GetProperty("q").GetString() != query) throw new ValidationException("cursor", Invalid);
        return new CursorState([.. root.GetProperty("v").EnumerateArray().Select(e => e.Clone())], root.GetProperty("p").GetInt32(), query);
    }

    /// <summary>A short fingerprint of everything that shapes a list, so a cursor cannot wander into another query.</summary>
    public static string Fingerprint(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p switch
        {
            null => "",
            DateTimeOffset d => d.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IEnumerable<string> list when p is not string => string.Join(',', list.Order(StringComparer.Ordinal)),
            _ => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture),
        }));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    private Task<byte[]> SecretAsync(CancellationToken ct) => signing.KeyAsync("list cursors", ct);

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Signing.Base64Url(bytes);

    private static byte[] FromBase64Url(string text) => Signing.FromBase64Url(text);
}
