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

    [Fact]
    public async Task Writes_cut_off_by_a_database_crash_either_completed_or_left_nothing_and_the_api_serves_again()
    {
        var admin = _api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", _adminKey);
        string[] authors = [(string)(await admin.CreateAuthorAsync("First"))["slug"]!, (string)(await admin.CreateAuthorAsync("Second"))["slug"]!];
        await admin.PostJsonAsync("/api/v1/posts", new { title = "Warm-up", authors, tags = new[] { "warm" } }).ExpectAsync(HttpStatusCode.Created);

        var acknowledged = 0;
        var writes = Enumerable.Range(0, 60).Select(async i =>
        {
            await Task.Delay(i * 20);
            var title = $"Burst {i}";
            try
            {
                var response = await admin.PostJsonAsync("/api/v1/posts", new { title, status = "published", authors, tags = new[] { $"t{i}-a", $"t{i}-b", $"t{i}-c" } });
                if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref acknowledged);
                return (Title: title, Status: (int)response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType);
            }
            catch (HttpRequestException)
            {
                return (Title: title, Status: 0, Type: (string?)null);
            }
        }).ToList();
        // The crash comes mid-burst: some writes done, some in flight, some not yet sent.
        for (var wait = 0; wait < 200 && Volatile.Read(ref acknowledged) < 8; wait++) await Task.Delay(25);
        await _postgres.KillAsync();
        var results = await Task.WhenAll(writes);
        await _postgres.StartAsync();

        Assert.Contains(results, r => r.Status == 201);
        Assert.Contains(results, r => r.Status == 503);
        Assert.All(results, r => Assert.True(r.Status is 201 or 503, $"{r.Title}: {r.Status}"));
        Assert.All(results.Where(r => r.Status == 503), r => Assert.Equal("application/problem+json", r.Type));

        var reader = _api.CreateClient();
        for (var attempt = 0; attempt < 40 && (await reader.GetAsync("/api/v1/posts")).StatusCode != HttpStatusCode.OK; attempt++) await Task.Delay(250);
        var all = await admin.GetAsync("/api/v1/posts?status=all&pageSize=100&fields=title,tags,authors").ExpectAsync(HttpStatusCode.OK);
        var stored = all["items"]!.AsArray().ToDictionary(p => (string)p!["title"]!, p => p!);
        foreach (var (title, status, _) in results)
        {
            if (status == 201) Assert.True(stored.ContainsKey(title), $"{title} was acknowledged but is missing");
            if (!stored.TryGetValue(title, out var post)) continue;
            // Whatever was stored is whole: never a post without its tags or byline.
            Assert.Equal(3, post["tags"]!.AsArray().Count);
            Assert.Equal(2, post["authors"]!.AsArray().Count);
        }
        await admin.PostJsonAsync("/api/v1/posts", new { title = "After the crash" }).ExpectAsync(HttpStatusCode.Created);
    }
}
