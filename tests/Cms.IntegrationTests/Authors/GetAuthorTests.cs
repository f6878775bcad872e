using System.Net;
using System.Text.Json.Nodes;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Authors;

public sealed class GetAuthorTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    private async Task<JsonNode> CreateAuthorWithEmailAsync() =>
        await _admin.PostJsonAsync("/api/v1/authors", new
        {
            name = TestApi.Unique("Reader Visible"),
            bio = "A bio.",
            website = "https://example.com/",
            email = "hidden@example.com",
        }).ExpectAsync(HttpStatusCode.Created);

    [Fact]
    public async Task An_author_can_be_read_by_id_and_by_slug()
    {
        var created = await CreateAuthorWithEmailAsync();
        var id = (string)created["id"]!;
        var slug = (string)created["slug"]!;

        var byIdResponse = await _admin.GetAsync($"/api/v1/authors/{id}");
        var byId = await byIdResponse.ExpectAsync(HttpStatusCode.OK);
        var bySlugResponse = await _admin.GetAsync($"/api/v1/authors/slug/{slug}");
        var bySlug = await bySlugResponse.ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(created.ToJsonString(), byId.ToJsonString());
        Assert.Equal(created.ToJsonString(), bySlug.ToJsonString());
        Assert.Equal($"\"{created["version"]}\"", byIdResponse.ETag());
        Assert.Equal($"\"{created["version"]}\"", bySlugResponse.ETag());
    }

    [Fact]
    public async Task The_email_is_shown_to_admins_only()
    {
        var created = await CreateAuthorWithEmailAsync();
        var id = (string)created["id"]!;
        var slug = (string)created["slug"]!;
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);

        var forAdmin = await _admin.GetAsync($"/api/v1/authors/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("hidden@example.com", (string)forAdmin["email"]!);

        foreach (var reader in new[] { api.Anonymous(), api.WithKey(contentKey) })
        {
            var byId = await reader.GetAsync($"/api/v1/authors/{id}").ExpectAsync(HttpStatusCode.OK);
            var bySlug = await reader.GetAsync($"/api/v1/authors/slug/{slug}").ExpectAsync(HttpStatusCode.OK);
            var listed = await reader.GetAsync($"/api/v1/authors?q={slug}").ExpectAsync(HttpStatusCode.OK);
            foreach (var author in new[] { byId, bySlug, listed["items"]![0]! })
            {
                Assert.Equal(slug, (string)author["slug"]!);
                Assert.Equal("A bio.", (string)author["bio"]!);
                Assert.False(author.AsObject().ContainsKey("email"), author.ToJsonString());
            }
        }
    }

    [Fact]
    public async Task An_unknown_id_or_slug_is_a_404_problem()
    {
        var byId = await api.Anonymous().GetAsync($"/api/v1/authors/{Guid.CreateVersion7()}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, (int)byId["status"]!);
        Assert.NotNull(byId["traceId"]);
        var bySlug = await api.Anonymous().GetAsync($"/api/v1/authors/slug/{TestApi.Unique("nobody")}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, (int)bySlug["status"]!);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_returns_304_until_the_author_changes()
    {
        var created = await CreateAuthorWithEmailAsync();
        var id = (string)created["id"]!;
        var etag = $"\"{created["version"]}\"";

        var byId = await _admin.GetAsync($"/api/v1/authors/{id}", etag);
        Assert.Equal(HttpStatusCode.NotModified, byId.StatusCode);
        Assert.Equal(etag, byId.ETag());
        Assert.Empty(await byId.Content.ReadAsByteArrayAsync());
        var bySlug = await api.Anonymous().GetAsync($"/api/v1/authors/slug/{created["slug"]}", etag);
        Assert.Equal(HttpStatusCode.NotModified, bySlug.StatusCode);

        await _admin.PatchMergeAsync($"/api/v1/authors/{id}", new { bio = "Changed." }).ExpectAsync(HttpStatusCode.OK);
        var changed = await _admin.GetAsync($"/api/v1/authors/{id}", etag);
        var body = await changed.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Changed.", (string)body["bio"]!);
        Assert.NotEqual(etag, changed.ETag());
    }

    [Fact]
    public async Task Post_count_counts_published_posts_for_readers_and_all_posts_for_admins()
    {
        var author = await _admin.CreateAuthorAsync();
        var id = (string)author["id"]!;
        string[] byline = [(string)author["slug"]!];
        var now = api.Clock.GetUtcNow();
        await _admin.CreatePostAsync(new { title = "Published", status = "published", publishedAt = now.AddDays(-1), authors = byline });
        await _admin.CreatePostAsync(new { title = "Published too", status = "published", authors = byline });
        await _admin.CreatePostAsync(new { title = "Draft", authors = byline });
        await _admin.CreatePostAsync(new { title = "Scheduled", status = "published", publishedAt = now.AddDays(1), authors = byline });

        Assert.Equal(2, (int)(await api.Anonymous().GetAsync($"/api/v1/authors/{id}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
        Assert.Equal(4, (int)(await _admin.GetAsync($"/api/v1/authors/{id}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
        Assert.Equal(2, (int)(await api.Anonymous().GetAsync($"/api/v1/authors/slug/{author["slug"]}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
    }
}
