using Cms.Application.Keys;
using Cms.Domain;
using Cms.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Api.Auth;

public static class BootstrapAdminKey
{
    /// <summary>
    /// In Development with no configured key and no stored admin key, makes one, stores its hash,
    /// and prints the secret once: a first run must not leave the owner locked out.
    /// </summary>
    public static async Task EnsureAsync(IServiceProvider services, IHostEnvironment environment, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!environment.IsDevelopment() || !string.IsNullOrEmpty(options.BootstrapAdminKey)) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        if (await db.ApiKeys.AnyAsync(k => k.Scope == ApiKeyScope.Admin && k.RevokedAt == null, ct)) return;
        var key = KeySecrets.Generate();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        db.ApiKeys.Add(new ApiKey("Development admin key", ApiKeyScope.Admin, KeySecrets.DisplayPrefix(key), KeySecrets.Hash(key), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        Console.WriteLine($"""

            Cms admin key (shown once, stored only as a hash): {key}
            Use it as 'Authorization: Bearer {key}'.

            """);
    }
}
