using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Keys;

public sealed class KeyManagementTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task A_new_key_shows_its_secret_once_and_is_stored_only_as_a_hash()
    {
        var response = await _admin.PostJsonAsync("/api/v1/keys", new { name = "Website", scope = "content" });
        var key = await Task.FromResult(response).ExpectAsync(HttpStatusCode.Created);
        var secret = (string)key["secret"]!;

        Assert.StartsWith("cms_", secret);
        Assert.True(secret.Length >= 40);
        Assert.StartsWith((string)key["prefix"]!, secret);
        Assert.Equal("content", (string)key["scope"]!);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());

        var id = Guid.Parse((string)key["id"]!);
        var stored = await api.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), stored.Hash);
        Assert.DoesNotContain(secret, stored.Prefix + stored.Name);

        var located = await _admin.GetAsync(response.Headers.Location!.OriginalString).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Website", (string)located["name"]!);
        Assert.Null(located["secret"]);
        var list = await _admin.GetAsync("/api/v1/keys").ExpectAsync(HttpStatusCode.OK);
        var listed = list.AsArray().Single(k => (string)k!["id"]! == id.ToString())!;
        Assert.Null(listed["secret"]);
        Assert.DoesNotContain(secret, list.ToJsonString());
    }

    [Fact]
    public async Task A_content_key_reads_but_cannot_write_and_an_admin_key_can()
    {
        var content = (string)(await _admin.PostJsonAsync("/api/v1/keys", new { name = "Reader", scope = "content" }).ExpectAsync(HttpStatusCode.Created))["secret"]!;
        var admin = (string)(await _admin.PostJsonAsync("/api/v1/keys", new { name = "Editor", scope = "admin" }).ExpectAsync(HttpStatusCode.Created))["secret"]!;

        await api.WithKey(content).GetAsync("/api/v1/posts").ExpectAsync(HttpStatusCode.OK);
        await api.WithKey(content).PostJsonAsync("/api/v1/posts", new { title = "No" }).ExpectAsync(HttpStatusCode.Forbidden);
        await api.WithKey(content).GetAsync("/api/v1/keys").ExpectAsync(HttpStatusCode.Forbidden);
        await api.WithKey(admin).PostJsonAsync("/api/v1/posts", new { title = "Yes" }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var created = await _admin.PostJsonAsync("/api/v1/keys", new { name = "Used", scope = "content" }).ExpectAsync(HttpStatusCode.Created);
        Assert.Null(created["lastUsedAt"]);
        await api.WithKey((string)created["secret"]!).GetAsync("/api/v1/tags").ExpectAsync(HttpStatusCode.OK);

        var listed = (await _admin.GetAsync("/api/v1/keys").ExpectAsync(HttpStatusCode.OK)).AsArray()
            .Single(k => (string)k!["id"]! == (string)created["id"]!)!;
        Assert.NotNull(listed["lastUsedAt"]);
    }

    [Fact]
    public async Task Revoking_a_key_stops_it_at_once_even_while_it_is_cached()
    {
        var created = await _admin.PostJsonAsync("/api/v1/keys", new { name = "Leaked", scope = "admin" }).ExpectAsync(HttpStatusCode.Created);
        var leaked = api.WithKey((string)created["secret"]!);
        await leaked.GetAsync("/api/v1/keys").ExpectAsync(HttpStatusCode.OK);

        var revoked = await _admin.DeleteAsync($"/api/v1/keys/{created["id"]}", null);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        await leaked.GetAsync("/api/v1/keys").ExpectAsync(HttpStatusCode.Unauthorized);
        await leaked.GetAsync("/api/v1/posts").ExpectAsync(HttpStatusCode.Unauthorized);
        var list = await _admin.GetAsync("/api/v1/keys").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.AsArray(), k => (string)k!["id"]! == (string)created["id"]!);
        await _admin.DeleteAsync($"/api/v1/keys/{created["id"]}", null).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Key_management_needs_the_admin_scope()
    {
        await api.Anonymous().GetAsync("/api/v1/keys").ExpectAsync(HttpStatusCode.Unauthorized);
        await api.Anonymous().PostJsonAsync("/api/v1/keys", new { name = "x", scope = "admin" }).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"scope":"content"}""", "name")]
    [InlineData("""{"name":"x"}""", "scope")]
    [InlineData("""{"name":"x","scope":"root"}""", "scope")]
    public async Task Invalid_key_requests_are_400s(string body, string field)
    {
        var response = await _admin.PostAsync("/api/v1/keys", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Task.FromResult(response).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }
}
