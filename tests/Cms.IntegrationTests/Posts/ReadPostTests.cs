using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Posts;

public sealed class ReadPostTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    [Fact]
    public async Task A_published_post_is_readable_by_id_and_by_slug_without_a_key()
    {
        var post = await _admin.CreatePostAsync(new { title = TestApi.Unique("Public"), body = "Hello *world*", status = "published" });
        var byId = await _reader.GetAsync($"/api/v1/posts/{post["id"]}").ExpectAsync(HttpStatusCode.OK);
        var bySlug = await _reader.GetAsync($"/api/v1/posts/slug/{post["slug"]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string)post["id"]!, (string)bySlug["id"]!);
        Assert.Equal("<p>Hello <em>world</em></p>\n", (string)byId["html"]!);
        Assert.Equal("Hello *world*", (string)bySlug["body"]!);
    }

    [Fact]
    public async Task Drafts_are_404_to_readers_and_to_content_keys_but_visible_to_admins()
    {
        var draft = await _admin.CreatePostAsync(new { title = TestApi.Unique("Secret draft") });
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);
        foreach (var client in new[] { _reader, api.WithKey(contentKey) })
        {
            var problem = await client.GetAsync($"/api/v1/posts/{draft["id"]}").ExpectAsync(HttpStatusCode.NotFound);
            Assert.Equal(404, (int)problem["status"]!);
            await client.GetAsync($"/api/v1/posts/slug/{draft["slug"]}").ExpectAsync(HttpStatusCode.NotFound);
        }
        var seen = await _admin.GetAsync($"/api/v1/posts/{draft["id"]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", (string)seen["status"]!);
    }

    [Fact]
    public async Task A_post_published_in_the_future_is_scheduled_and_invisible_until_its_time()
    {
        var at = api.Clock.GetUtcNow().AddHours(2);
        var post = await _admin.CreatePostAsync(new { title = TestApi.Unique("Tomorrow's news"), status = "published", publishedAt = at });
        Assert.Equal("scheduled", (string)post["status"]!);
        var url = $"/api/v1/posts/slug/{post["slug"]}";
        await _reader.GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);
        var scheduled = await _admin.GetAsync($"/api/v1/posts?status=scheduled&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains((string)post["slug"]!, scheduled.Slugs());

        api.Clock.Advance(TimeSpan.FromHours(3));
        var visible = await _reader.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("published", (string)visible["status"]!);
    }

    [Fact]
    public async Task Status_scheduled_on_write_publishes_at_the_future_date()
    {
        var at = api.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(2));
        var post = await _admin.CreatePostAsync(new { title = TestApi.Unique("Planned"), status = "scheduled", publishedAt = at });
        Assert.Equal("scheduled", (string)post["status"]!);
        Assert.Equal(at.ToUniversalTime(), DateTimeOffset.Parse((string)post["publishedAt"]!));
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_gives_304_until_the_post_changes()
    {
        var created = await _admin.PostJsonAsync("/api/v1/posts", new { title = TestApi.Unique("Cached"), status = "published" });
        var post = await Task.FromResult(created).ExpectAsync(HttpStatusCode.Created);
        var etag = created.Headers.ETag!.Tag;
        var url = $"/api/v1/posts/{post["id"]}";

        var notModified = await _reader.GetAsync(url, etag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag!.Tag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, (await _reader.GetAsync($"/api/v1/posts/slug/{post["slug"]}", etag)).StatusCode);

        await _admin.PatchMergeAsync(url, new { excerpt = "changed" }).ExpectAsync(HttpStatusCode.OK);
        var changed = await _reader.GetAsync(url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Unknown_ids_and_slugs_are_404_problems()
    {
        var problem = await _reader.GetAsync($"/api/v1/posts/{Guid.CreateVersion7()}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", (await _reader.GetAsync($"/api/v1/posts/slug/no-such-post")).Content.Headers.ContentType!.MediaType);
        Assert.NotNull(problem["traceId"]);
    }
}
