using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Webhooks;

public sealed class WebhookManagementTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task Webhooks_are_managed_by_admins_and_the_secret_is_shown_once()
    {
        await _admin.PostJsonAsync("/api/v1/webhooks", new { url = "ftp://example.com/hook", events = new[] { "*" } }).ExpectAsync(HttpStatusCode.BadRequest);
        await _admin.PostJsonAsync("/api/v1/webhooks", new { url = "/relative", events = new[] { "*" } }).ExpectAsync(HttpStatusCode.BadRequest);
        var badEvent = await _admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://example.com/hook", events = new[] { "post.exploded" } })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("post.exploded", badEvent.ToJsonString());
        await _admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://example.com/hook", events = Array.Empty<string>() }).ExpectAsync(HttpStatusCode.BadRequest);

        var response = await _admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://example.com/hook", events = new[] { "post.*", "tag.created" } });
        var created = await Task.FromResult(response).ExpectAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.StartsWith("whsec_", (string)created["secret"]!);
        Assert.True((bool)created["active"]!);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());

        var list = await _admin.GetAsync("/api/v1/webhooks").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain((string)created["secret"]!, list.ToJsonString());
        Assert.Contains(list.AsArray(), w => (string)w!["id"]! == id);

        var chosen = await _admin.PostJsonAsync("/api/v1/webhooks", new { url = "http://example.com/other", events = new[] { "*" }, secret = "my own secret of 32 characters!!", active = false })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("my own secret of 32 characters!!", (string)chosen["secret"]!);
        Assert.False((bool)chosen["active"]!);

        var patched = await _admin.PatchMergeAsync($"/api/v1/webhooks/{id}", new { active = false, events = new[] { "*" } }).ExpectAsync(HttpStatusCode.OK);
        Assert.False((bool)patched["active"]!);
        Assert.Equal("https://example.com/hook", (string)patched["url"]!);
        await _admin.PatchMergeAsync($"/api/v1/webhooks/{id}", new { url = "file:///etc/passwd" }).ExpectAsync(HttpStatusCode.BadRequest);

        var read = await _admin.GetAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)read["stats"]!["attempts"]!);
        Assert.Null(read["secret"]);

        var content = await api.CreateKeyAsync(Domain.ApiKeyScope.Content);
        await api.WithKey(content).GetAsync("/api/v1/webhooks").ExpectAsync(HttpStatusCode.Forbidden);
        await api.Anonymous().GetAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/v1/webhooks/{id}", null)).StatusCode);
        await _admin.GetAsync($"/api/v1/webhooks/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await _admin.GetAsync($"/api/v1/webhooks/{id}/deliveries").ExpectAsync(HttpStatusCode.NotFound);
    }
}
