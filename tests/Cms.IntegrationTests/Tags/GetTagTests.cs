using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Tags;

public sealed class GetTagTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task A_tag_can_be_read_by_id_and_by_slug_without_a_key()
    {
        var created = await _admin.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("Readable"), description = "Shown." })
            .ExpectAsync(HttpStatusCode.Created);

        var byIdResponse = await api.Anonymous().GetAsync($"/api/v1/tags/{created["id"]}");
        var byId = await byIdResponse.ExpectAsync(HttpStatusCode.OK);
        var bySlug = await api.Anonymous().GetAsync($"/api/v1/tags/slug/{created["slug"]}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(created.ToJsonString(), byId.ToJsonString());
        Assert.Equal(created.ToJsonString(), bySlug.ToJsonString());
        Assert.Equal($"\"{created["version"]}\"", byIdResponse.ETag());
    }

    [Fact]
    public async Task An_unknown_id_or_slug_is_a_404_problem()
    {
        var byId = await api.Anonymous().GetAsync($"/api/v1/tags/{Guid.CreateVersion7()}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, (int)byId["status"]!);
        await api.Anonymous().GetAsync($"/api/v1/tags/slug/{TestApi.Unique("nothing")}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_returns_304_until_the_tag_changes()
    {
        var response = await _admin.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("Cached") });
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var etag = response.ETag();

        var byId = await api.Anonymous().GetAsync($"/api/v1/tags/{created["id"]}", etag);
        Assert.Equal(HttpStatusCode.NotModified, byId.StatusCode);
        Assert.Equal(etag, byId.ETag());
        Assert.Empty(await byId.Content.ReadAsByteArrayAsync());
        var bySlug = await api.Anonymous().GetAsync($"/api/v1/tags/slug/{created["slug"]}", etag);
        Assert.Equal(HttpStatusCode.NotModified, bySlug.StatusCode);

        await _admin.PatchMergeAsync($"/api/v1/tags/{created["id"]}", new { description = "Changed." }).ExpectAsync(HttpStatusCode.OK);
        var changed = await api.Anonymous().GetAsync($"/api/v1/tags/{created["id"]}", etag);
        Assert.Equal("Changed.", (string)(await changed.ExpectAsync(HttpStatusCode.OK))["description"]!);
        Assert.NotEqual(etag, changed.ETag());
    }

    [Fact]
    public async Task Post_count_counts_published_posts_for_readers_and_all_posts_for_admins()
    {
        var tag = await _admin.CreateTagAsync();
        string[] tags = [(string)tag["slug"]!];
        await _admin.CreatePostAsync(new { title = "Published", status = "published", tags });
        await _admin.CreatePostAsync(new { title = "Draft", tags });
        await _admin.CreatePostAsync(new { title = "Scheduled", status = "published", publishedAt = api.Clock.GetUtcNow().AddDays(1), tags });

        Assert.Equal(1, (int)(await api.Anonymous().GetAsync($"/api/v1/tags/{tag["id"]}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
        Assert.Equal(1, (int)(await api.Anonymous().GetAsync($"/api/v1/tags/slug/{tag["slug"]}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
        Assert.Equal(3, (int)(await _admin.GetAsync($"/api/v1/tags/{tag["id"]}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
    }
}
