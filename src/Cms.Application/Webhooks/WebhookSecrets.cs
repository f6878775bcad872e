using System.Security.Cryptography;
using System.Text;

namespace Cms.Application.Webhooks;

/// <summary>Webhook secrets and the signature every delivery carries (docs/webhooks.md).</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary><c>v1=</c> and the lowercase hex HMAC-SHA256 of <c>"{timestamp}.{body}"</c> keyed with the secret's UTF-8 bytes.</summary>
    public static string Sign(string secret, long timestamp, string body) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
