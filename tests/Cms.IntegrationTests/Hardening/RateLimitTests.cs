using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Hardening;

public sealed class TightLimitsFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:RateLimits:ReadsPerMinute"] = "5",
        ["Cms:RateLimits:WritesPerMinute"] = "2",
        ["Cms:RateLimits:FailedAuthPerMinute"] = "3",
    };
}

/// <summary>Each test uses its own clients (keys), so budgets do not leak between tests; failed auth is per address and tested once.</summary>
public sealed class RateLimitTests(TightLimitsFactory api) : IClassFixture<TightLimitsFactory>
{
    [Fact]
    public async Task Reads_past_the_budget_get_429_with_retry_after_and_ratelimit_headers()
    {
        var client = api.WithKey(await api.CreateKeyAsync(ApiKeyScope.Content));
        for (var i = 0; i < 5; i++)
        {
            var ok = await client.GetAsync("/api/v1/tags");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("\"reads\";q=5;w=60", ok.Headers.GetValues("RateLimit-Policy").Single());
            Assert.Equal($"\"reads\";r={4 - i}", ok.Headers.GetValues("RateLimit").Single());
        }

        var limited = await client.GetAsync("/api/v1/tags");
        var problem = await Task.FromResult(limited).ExpectAsync(HttpStatusCode.TooManyRequests);

        Assert.Equal(429, (int)problem["status"]!);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.StartsWith("\"reads\";r=0;t=", limited.Headers.GetValues("RateLimit").Single());
    }

    [Fact]
    public async Task Writes_have_their_own_stricter_budget_per_key()
    {
        var key = await api.CreateKeyAsync(ApiKeyScope.Admin);
        var writer = api.WithKey(key);
        await writer.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("one") }).ExpectAsync(HttpStatusCode.Created);
        await writer.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("two") }).ExpectAsync(HttpStatusCode.Created);
        var name = TestApi.Unique("three");
        await writer.PostJsonAsync("/api/v1/tags", new { name }).ExpectAsync(HttpStatusCode.TooManyRequests);
        Assert.False(await api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Tags, t => t.Name == name)));

        await writer.GetAsync("/api/v1/tags").ExpectAsync(HttpStatusCode.OK);
        await api.WithKey(await api.CreateKeyAsync(ApiKeyScope.Admin)).PostJsonAsync("/api/v1/tags", new { name }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Health_checks_are_exempt()
    {
        for (var i = 0; i < 20; i++) await api.Anonymous().GetAsync("/health/live").ExpectAsync(HttpStatusCode.OK);
    }
}

/// <summary>Failed authentication is budgeted per address, so this test gets a factory (and limiter) of its own.</summary>
public sealed class FailedAuthLimitTests(TightLimitsFactory api) : IClassFixture<TightLimitsFactory>
{
    [Fact]
    public async Task After_a_few_wrong_keys_even_a_right_key_from_that_address_waits()
    {
        var good = await api.CreateKeyAsync(ApiKeyScope.Admin);
        for (var i = 0; i < 3; i++) await api.WithKey("cms_guess" + i).GetAsync("/api/v1/keys").ExpectAsync(HttpStatusCode.Unauthorized);

        var blocked = await api.WithKey(good).GetAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.NotNull(blocked.Headers.RetryAfter);
    }
}
