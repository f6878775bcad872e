using System.Security.Cryptography;
using System.Text;

namespace Cms.Application.Keys;

/// <summary>
/// The key scheme (docs/adr/0003): <c>cms_</c> + 43 characters of base64url randomness (256 bits).
/// Keys carry so much entropy that a single SHA-256 is a safe storage hash and an index can look
/// one up; the secret itself is never stored.
/// </summary>
public static class KeySecrets
{
    public const string Prefix = "cms_";

    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The first characters, stored so that people can tell their keys apart.</summary>
    public static string DisplayPrefix(string key) => key[..Math.Min(key.Length, Prefix.Length + 8)];
}

/// <summary>Told when a key is revoked, so that no cache keeps accepting it.</summary>
public interface IKeyRevocations
{
    void Revoked(byte[] hash);
}
