using System.Net.Http.Headers;
using Cms.Api.Auth;
using Cms.Application.Keys;
using Cms.Domain;
using Cms.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Cms.IntegrationTests.Infrastructure;

/// <summary>
/// The real API over HTTP, on a database of its own (one per test class), with real API keys:
/// there is no authentication bypass.
/// </summary>
public class CmsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string AdminKey { get; } = KeySecrets.Generate();
    public string DatabaseName { get; protected set; } = "";
    public string ConnectionString => TestDatabase.ConnectionStringFor(DatabaseName);
    /// <summary>The API's clock, starting now at PostgreSQL's precision (microseconds).</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / 10 * 10, TimeSpan.Zero));
    public SqlCommandCounter Commands { get; } = new();
    /// <summary>The image store of this test class alone (Cms:Images:Root), removed with the database.</summary>
    public string ImageRoot { get; } = Path.Combine(Path.GetTempPath(), "cms-images-" + Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings for a test class (e.g. Cms:Auth:PublicReads=false).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync() => DatabaseName = await TestDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabase.DropAsync(DatabaseName);
        if (Directory.Exists(ImageRoot)) Directory.Delete(ImageRoot, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Cms", ConnectionString);
        builder.UseSetting("Cms:Auth:BootstrapAdminKey", AdminKey);
        builder.UseSetting("Cms:Database:MigrateOnStartup", "false");
        // Test classes send hundreds of requests from one client; RateLimitTests sets real budgets.
        builder.UseSetting("Cms:RateLimits:ReadsPerMinute", "1000000");
        builder.UseSetting("Cms:RateLimits:WritesPerMinute", "1000000");
        builder.UseSetting("Cms:RateLimits:FailedAuthPerMinute", "1000000");
        builder.UseSetting("Cms:Images:Root", ImageRoot);
        // The webhook dispatcher would add statements to the counted ones; WebhookTests turns it on.
        builder.UseSetting("Cms:Webhooks:Enabled", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<CmsDbContext>(o => o.AddInterceptors(Commands));
        });
    }

    public HttpClient Anonymous() => CreateClient();

    public HttpClient Admin() => WithKey(AdminKey);

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Stores a key of the given scope the way the API does (hash only) and returns its secret.</summary>
    public async Task<string> CreateKeyAsync(ApiKeyScope scope)
    {
        var key = KeySecrets.Generate();
        await WithDbAsync(async db =>
        {
            db.ApiKeys.Add(new ApiKey("test " + scope, scope, KeySecrets.DisplayPrefix(key), KeySecrets.Hash(key), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        return key;
    }

    public async Task WithDbAsync(Func<CmsDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<CmsDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<CmsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }
}
