using System.Security.Cryptography;
using Cms.Application;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Api.Auth;

/// <summary>Tells the scope of a presented key: the configured bootstrap key, or an active stored key.</summary>
public sealed class ApiKeyVerifier(ICmsDb db, BootstrapKeyHash bootstrap)
{
    private readonly byte[]? _bootstrapHash = bootstrap.Value;

    public async Task<ApiKeyScope?> VerifyAsync(string key, CancellationToken ct)
    {
        if (key.Length > 200) return null;
        var hash = ApiKeys.Hash(key);
        if (_bootstrapHash is not null && CryptographicOperations.FixedTimeEquals(hash, _bootstrapHash))
            return ApiKeyScope.Admin;
        var stored = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Scope, k.Hash })
            .FirstOrDefaultAsync(ct);
        return stored is not null && CryptographicOperations.FixedTimeEquals(stored.Hash, hash) ? stored.Scope : null;
    }
}

/// <summary>The configured bootstrap key's hash, computed once.</summary>
public sealed class BootstrapKeyHash(IOptions<AuthOptions> options)
{
    public byte[]? Value { get; } = string.IsNullOrEmpty(options.Value.BootstrapAdminKey) ? null : ApiKeys.Hash(options.Value.BootstrapAdminKey);
}
