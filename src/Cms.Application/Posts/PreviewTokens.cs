using System.Buffers.Binary;
using System.Security.Cryptography;
using Cms.Application.Common;

namespace Cms.Application.Posts;

/// <summary><c>Cms:Preview</c> settings.</summary>
public sealed class PreviewOptions
{
    public const string Section = "Cms:Preview";

    /// <summary>How long a preview link works.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Draft preview links: a token names one post and an expiry, signed with HMAC-SHA256. It lets a
/// frontend read that one post, whatever its status, without an admin key; anything else about it
/// (altered, expired, another post) makes it worthless.
/// </summary>
public sealed class PreviewTokens(Signing signing)
{
    public async Task<string> CreateAsync(Guid postId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var payload = new byte[24];
        postId.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), expiresAt.ToUnixTimeSeconds());
        var signature = HMACSHA256.HashData(await signing.KeyAsync("post previews", ct), payload).AsSpan(0, 16);
        return Signing.Base64Url(payload) + "." + Signing.Base64Url(signature);
    }

    public async Task<bool> AllowsAsync(string? token, Guid postId, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100 || token.Split('.') is not [var body, var mac]) return false;
        byte[] payload, signature;
        try
        {
            payload = Signing.FromBase64Url(body);
            signature = Signing.FromBase64Url(mac);
        }
        catch (FormatException)
        {
            return false;
        }
        if (payload.Length != 24) return false;
        var expected = HMACSHA256.HashData(await signing.KeyAsync("post previews", ct), payload).AsSpan(0, 16);
        return CryptographicOperations.FixedTimeEquals(expected, signature)
            && new Guid(payload.AsSpan(0, 16)) == postId
            && DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16))) > now;
    }
}
