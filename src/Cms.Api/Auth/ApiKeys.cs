using System.Security.Cryptography;
using System.Text;

namespace Cms.Api.Auth;

/// <summary>
/// The key scheme (docs/adr/0003): <c>cms_</c> + 43 characters of base64url randomness (256 bits).
/// Keys carry so much entropy that a single SHA-256 is a safe storage hash and an index can look
/// one up; the secret itself is never stored.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "cms_";
    public const string HeaderName = "X-Api-Key";

    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The first characters, stored so that people can tell their keys apart.</summary>
    public static string DisplayPrefix(string key) => key[..Math.Min(key.Length, Prefix.Length + 8)];

    /// <summary>The key from <c>Authorization: Bearer</c> or <c>X-Api-Key</c>, if the request carries one.</summary>
    public static string? Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return NullIfEmpty(authorization["Bearer ".Length..].Trim());
        return NullIfEmpty(request.Headers[HeaderName].ToString().Trim());
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

public static class Scopes
{
    public const string ClaimType = "scope";
    public const string Content = "content";
    public const string Admin = "admin";

    public static bool IsAdmin(this System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(ClaimType, Admin);
}

public static class AuthPolicies
{
    /// <summary>Reading published content: anyone, unless <c>Cms:Auth:PublicReads</c> is false.</summary>
    public const string Read = "read";
    /// <summary>Writes, drafts, and everything else.</summary>
    public const string Admin = "admin";
}
