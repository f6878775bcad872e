using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Authors;

/// <summary>An author's or tag's postCount moves without its row: the ETag must move with it.</summary>
public sealed class CountedVersionTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    [Theory]
    [InlineData("authors")]
    [InlineData("tags")]
    public async Task A_new_post_changes_the_etag_of_its_authors_and_tags(string resource)
    {
        var author = await _admin.CreateAuthorAsync();
        var tag = TestApi.Unique("counted");
        await _admin.CreatePostAsync(new { title = "First", status = "published", authors = new[] { (string)author["slug"]! }, tags = new[] { tag } });
        var url = resource == "authors" ? $"/api/v1/authors/slug/{author["slug"]}" : $"/api/v1/tags/slug/{tag}";
        var before = await _reader.GetAsync(url);
        var etag = before.Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.NotModified, (await _reader.GetAsync(url, etag)).StatusCode);

        await _admin.CreatePostAsync(new { title = "Second", status = "published", authors = new[] { (string)author["slug"]! }, tags = new[] { tag } });

        var after = await _reader.GetAsync(url, etag);
        var body = await after.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)body["postCount"]!);
        Assert.Equal($"\"{body["version"]}\"", after.Headers.ETag!.Tag);
        Assert.NotEqual(etag, after.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("authors")]
    [InlineData("tags")]
    public async Task The_etag_of_a_read_is_a_valid_if_match_even_after_the_count_changed(string resource)
    {
        var author = await _admin.CreateAuthorAsync();
        var tag = TestApi.Unique("matched");
        var created = await _admin.CreatePostAsync(new { title = "Counted", status = "draft", authors = new[] { (string)author["slug"]! }, tags = new[] { tag } });
        var read = await _admin.GetAsync(resource == "authors" ? $"/api/v1/authors/{author["id"]}" : $"/api/v1/tags/slug/{tag}");
        var current = await read.ExpectAsync(HttpStatusCode.OK);
        await _admin.PatchMergeAsync($"/api/v1/posts/{created["id"]}", new { status = "published" }).ExpectAsync(HttpStatusCode.OK);

        var url = $"/api/v1/{resource}/{current["id"]}";
        var renamed = await _admin.PatchMergeAsync(url, new { name = TestApi.Unique("Renamed") }, read.Headers.ETag!.Tag).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)renamed["postCount"]!);

        // The row moved on: the old version is now a conflict.
        await _admin.PatchMergeAsync(url, new { name = TestApi.Unique("Again") }, read.Headers.ETag!.Tag).ExpectAsync(HttpStatusCode.PreconditionFailed);
    }
}
