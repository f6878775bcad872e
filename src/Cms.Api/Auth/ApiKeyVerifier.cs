using System.Security.Cryptography;
using Cms.Application;
using Cms.Application.Keys;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Cms.Api.Auth;

/// <summary>A verified key: its stored id (none for the bootstrap key) and scope; a null scope is a bad key.</summary>
public sealed record VerifiedKey(Guid? Id, ApiKeyScope? Scope);

/// <summary>
/// Tells the scope of a presented key: the configured bootstrap key, or an active stored key. Answers,
/// good and bad, are cached briefly so that a busy frontend (or an attacker) does not cost a query per
/// request; revoking a key clears its entry at once.
/// </summary>
public sealed class ApiKeyVerifier(ICmsDb db, KeyCache cache, TimeProvider clock)
{
    public async Task<VerifiedKey> VerifyAsync(string key, CancellationToken ct)
    {
        if (key.Length > 200) return new(null, null);
        var hash = KeySecrets.Hash(key);
        if (cache.Bootstrap is { } bootstrap && CryptographicOperations.FixedTimeEquals(hash, bootstrap)) return new(null, ApiKeyScope.Admin);
        if (cache.TryGet(hash, out var known)) return known;

        var stored = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Scope, k.Hash })
            .FirstOrDefaultAsync(ct);
        var verified = stored is not null && CryptographicOperations.FixedTimeEquals(stored.Hash, hash)
            ? new VerifiedKey(stored.Id, stored.Scope)
            : new VerifiedKey(null, null);
        if (verified.Id is { } id)
        {
            // "Last used" to within a minute, written at most once a minute per key and instance.
            var now = clock.GetUtcNow();
            var stale = now.AddMinutes(-1);
            await db.ApiKeys.Where(k => k.Id == id && (k.LastUsedAt == null || k.LastUsedAt < stale))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        cache.Set(hash, verified);
        return verified;
    }
}

/// <summary>The verifier's memory: the bootstrap key's hash and recent answers.</summary>
public sealed class KeyCache(IMemoryCache memory, IOptions<AuthOptions> options) : IKeyRevocations
{
    public byte[]? Bootstrap { get; } =
        string.IsNullOrEmpty(options.Value.BootstrapAdminKey) ? null : KeySecrets.Hash(options.Value.BootstrapAdminKey);

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);

    public bool TryGet(byte[] hash, out VerifiedKey key) => memory.TryGetValue(Name(hash), out key!);

    public void Set(byte[] hash, VerifiedKey key)
    {
        if (_lifetime > TimeSpan.Zero) memory.Set(Name(hash), key, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime, Size = 1 });
    }

    public void Revoked(byte[] hash) => memory.Remove(Name(hash));

    private static string Name(byte[] hash) => "key:" + Convert.ToHexString(hash);
}
