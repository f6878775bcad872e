using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Common;

/// <summary>
/// Signing keys for tokens the API hands out (cursors, preview links), derived per purpose from one
/// random secret that the database keeps (table cms_settings): every instance signs and checks
/// alike, and a restart invalidates nothing.
/// </summary>
public sealed class Signing(ICmsDb db)
{
    private static byte[]? _root;

    public async Task<byte[]> KeyAsync(string purpose, CancellationToken ct)
    {
        var root = _root ??= Encoding.UTF8.GetBytes(await db.SqlQuery<string>(
            $"SELECT value AS \"Value\" FROM cms_settings WHERE key = 'cursor_secret'").SingleAsync(ct));
        return HMACSHA256.HashData(root, Encoding.UTF8.GetBytes(purpose));
    }

    public static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes base64url; <see cref="FormatException"/> when it is not.</summary>
    public static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
