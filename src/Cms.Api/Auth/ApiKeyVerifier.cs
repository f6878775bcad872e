using System.Security.Cryptography;
using Cms.Application;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Api.Auth;

/// <summary>Tells the scope of a presented key: the configured bootstrap key, or an active stored key.</summary>
public sealed class ApiKeyVerifier(ICmsDb db, IOptions<AuthOptions> options)
{
    private readonly byte[]? _bootstrapHash =
        string.IsNullOrEmpty(options.Value.BootstrapAdminKey) ? null : ApiKeys.Hash(options.Value.BootstrapAdminKey);

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
