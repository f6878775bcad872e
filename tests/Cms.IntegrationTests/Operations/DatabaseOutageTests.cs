using System.Net;
using Cms.Api.Auth;
using Cms.Application.Keys;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cms.IntegrationTests.Operations;

/// <summary>Stops and restarts a real PostgreSQL under a running API.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private PrivatePostgres _postgres = null!;
    private WebApplicationFactory<Program> _api = null!;
    private readonly string _adminKey = KeySecrets.Generate();

    public async Task InitializeAsync()
    {
        _postgres = await PrivatePostgres.CreateAsync();
        // An empty database: the API migrates it at start (Cms:Database:MigrateOnStartup defaults to true).
        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:Cms", _postgres.ConnectionString);
            b.UseSetting("Cms:Auth:BootstrapAdminKey", _adminKey);
        });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task With_the_database_down_calls_get_503_with_retry_after_and_recover_when_it_is_back()
    {
        var reader = _api.CreateClient();
        var admin = _api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", _adminKey);
        await admin.PostJsonAsync("/api/v1/posts", new { title = "Before the outage", status = "published" }).ExpectAsync(HttpStatusCode.Created);
        await reader.GetAsync("/health/ready").ExpectAsync(HttpStatusCode.OK);

        await _postgres.StopAsync();

        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => reader.GetAsync("/api/v1/posts"),
            () => reader.GetAsync("/api/v1/posts/slug/before-the-outage"),
            () => admin.PostJsonAsync("/api/v1/posts", new { title = "During the outage" }),
        })
        {
            var response = await call();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Contains("traceId", body);
            Assert.DoesNotContain("Npgsql", body);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reader.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/live")).StatusCode);

        await _postgres.StartAsync();

        // Pooled connections broken by the restart are discarded; within a few tries the API serves again.
        HttpResponseMessage? list = null;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            list = await reader.GetAsync("/api/v1/posts");
            if (list.StatusCode == HttpStatusCode.OK) break;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
            await Task.Delay(250);
        }
        var posts = await Task.FromResult(list!).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["before-the-outage"], posts.Slugs());
        await admin.PostJsonAsync("/api/v1/posts", new { title = "After the outage" }).ExpectAsync(HttpStatusCode.Created);
    }
}
