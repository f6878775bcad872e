using Cms.Application.Common;
using Cms.Infrastructure.Data;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace Cms.Api.Database;

public static class Migrations
{
    public static async Task ApplyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Migrations));
        // No command timeout: a migration that rewrites posts (a new stored column, a new search language) takes
        // minutes on a large database (about 1 minute for 100,000 posts), far past the 30-second default.
        db.Database.SetCommandTimeout(0);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
        var search = scope.ServiceProvider.GetRequiredService<IOptions<SearchOptions>>().Value;
        await SearchLanguage.EnsureAsync(db, search.Language, logger, ct);
    }
}
