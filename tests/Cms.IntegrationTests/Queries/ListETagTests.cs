using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Queries;

public sealed class ListETagTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    [Theory]
    [InlineData("/api/v1/posts")]
    [InlineData("/api/v1/authors")]
    [InlineData("/api/v1/tags")]
    public async Task A_304_is_answered_without_running_the_list_query(string url)
    {
        await _admin.CreatePostAsync(new { title = "Listed", status = "published", tags = new[] { TestApi.Unique("t") }, authors = new[] { (string)(await _admin.CreateAuthorAsync())["slug"]! } });
        var etag = (await _reader.GetAsync(url)).Headers.ETag!.Tag;

        api.Commands.Reset();
        // Another query string of the same list has the same ETag but is not in the output cache yet,
        // so this is the handler's 304 (a cached entry's 304 costs nothing: OutputCacheTests).
        var response = await _reader.GetAsync(url + "?pageSize=20", etag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.InRange(api.Commands.Count, 1, 2);
        Assert.DoesNotContain(api.Commands.Texts, sql => sql.Contains("ORDER BY", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Any_write_to_listed_content_changes_the_list_etag()
    {
        var post = await _admin.CreatePostAsync(new { title = "Watched", status = "published" });
        var etag = (await _reader.GetAsync("/api/v1/posts")).Headers.ETag!.Tag;
        var tagsETag = (await _reader.GetAsync("/api/v1/tags")).Headers.ETag!.Tag;

        await _admin.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("fresh") }).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/api/v1/tags", tagsETag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/api/v1/posts", etag)).StatusCode);
        var after = (await _reader.GetAsync("/api/v1/posts")).Headers.ETag!.Tag;
        await _admin.DeleteAsync($"/api/v1/posts/{post["id"]}", null).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/api/v1/posts", after)).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_post_becoming_visible_changes_the_list_etag()
    {
        await _admin.CreatePostAsync(new { title = "Later", status = "published", publishedAt = api.Clock.GetUtcNow().AddMinutes(30) });
        var etag = (await _reader.GetAsync("/api/v1/posts")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.NotModified, (await _reader.GetAsync("/api/v1/posts", etag)).StatusCode);

        api.Clock.Advance(TimeSpan.FromMinutes(31));

        var response = await _reader.GetAsync("/api/v1/posts", etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Later", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admins_and_readers_get_different_list_etags()
    {
        var forReader = (await _reader.GetAsync("/api/v1/posts")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/v1/posts", forReader)).StatusCode);
    }
}
