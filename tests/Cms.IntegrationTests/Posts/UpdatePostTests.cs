using System.Net;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Posts;

public sealed class UpdatePostTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    private async Task<(string Url, string ETag, System.Text.Json.Nodes.JsonNode Post)> CreateAsync(object body)
    {
        var response = await _admin.PostJsonAsync("/api/v1/posts", body);
        var post = await Task.FromResult(response).ExpectAsync(HttpStatusCode.Created);
        return (response.Headers.Location!.OriginalString, response.Headers.ETag!.Tag, post);
    }

    [Fact]
    public async Task Updating_with_the_current_etag_succeeds_and_changes_the_etag()
    {
        var (url, etag, _) = await CreateAsync(new { title = "Before" });
        var response = await _admin.PutJsonAsync(url, new { title = "After", body = "new" }, etag);
        var post = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("After", (string)post["title"]!);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        Assert.Equal($"\"{post["version"]}\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Updating_with_a_stale_etag_returns_412_and_changes_nothing()
    {
        var (url, staleETag, created) = await CreateAsync(new { title = "Original" });
        await _admin.PutJsonAsync(url, new { title = "First editor" }, staleETag).ExpectAsync(HttpStatusCode.OK);

        var problem = await _admin.PutJsonAsync(url, new { title = "Second editor" }, staleETag).ExpectAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(412, (int)problem["status"]!);
        await _admin.PatchMergeAsync(url, new { title = "Second editor" }, staleETag).ExpectAsync(HttpStatusCode.PreconditionFailed);
        await _admin.DeleteAsync(url, staleETag).ExpectAsync(HttpStatusCode.PreconditionFailed);

        var id = Guid.Parse((string)created["id"]!);
        var stored = await api.WithDbAsync(db => db.Posts.SingleAsync(p => p.Id == id));
        Assert.Equal("First editor", stored.Title);
    }

    [Theory]
    [InlineData("\"12345678\"")]
    [InlineData("W/\"1\"")]
    [InlineData("not-an-etag")]
    public async Task An_if_match_that_is_not_the_current_version_is_a_412(string ifMatch)
    {
        var (url, _, _) = await CreateAsync(new { title = "Guarded" });
        await _admin.PutJsonAsync(url, new { title = "Changed" }, ifMatch).ExpectAsync(HttpStatusCode.PreconditionFailed);
        var post = await _admin.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Guarded", (string)post["title"]!);
    }

    [Fact]
    public async Task Put_without_a_slug_keeps_the_slug_and_a_taken_slug_is_a_409()
    {
        var (url, _, post) = await CreateAsync(new { title = TestApi.Unique("Keep my slug") });
        var updated = await _admin.PutJsonAsync(url, new { title = "A completely different title" }, null).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string)post["slug"]!, (string)updated["slug"]!);

        var (_, _, other) = await CreateAsync(new { title = TestApi.Unique("Other") });
        await _admin.PutJsonAsync(url, new { title = "x", slug = (string)other["slug"]! }, null).ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Patch_is_a_json_merge_patch_absent_fields_stay_and_null_clears()
    {
        var author = await _admin.CreateAuthorAsync();
        var (url, etag, _) = await CreateAsync(new
        {
            title = "Patch me", excerpt = "An excerpt", body = "Body", authors = new[] { (string)author["slug"]! },
            tags = new[] { "one", "two" }, metadata = new { layout = "post", permalink = "/x/" },
        });

        var response = await _admin.PatchMergeAsync(url, new { excerpt = (string?)null, tags = new[] { "three" }, metadata = new { permalink = (string?)null, extra = 1 } }, etag);
        var post = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("Patch me", (string)post["title"]!);
        Assert.Equal("Body", (string)post["body"]!);
        Assert.Null(post["excerpt"]);
        Assert.Equal(["three"], post["tags"]!.AsArray().Select(t => (string)t!["slug"]!));
        Assert.Equal((string)author["slug"]!, (string)post["authors"]![0]!["slug"]!);
        Assert.Equal("""{"layout":"post","extra":1}""", post["metadata"]!.ToJsonString());
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Patch_can_publish_a_draft()
    {
        var (url, _, created) = await CreateAsync(new { title = "Draft to publish" });
        Assert.Equal("draft", (string)created["status"]!);
        var post = await _admin.PatchMergeAsync(url, new { status = "published" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("published", (string)post["status"]!);
        Assert.Equal(api.Clock.GetUtcNow(), DateTimeOffset.Parse((string)post["publishedAt"]!));
        await api.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_invalid_patch_is_a_400_and_changes_nothing()
    {
        var (url, _, created) = await CreateAsync(new { title = "Valid" });
        var problem = await _admin.PatchMergeAsync(url, new { title = "" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["title"]);
        var wrongType = await _admin.PatchMergeAsync(url, new { tags = "not-a-list" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongType["errors"]);
        await _admin.PatchMergeAsync(url, new[] { 1, 2 }).ExpectAsync(HttpStatusCode.BadRequest);

        var id = Guid.Parse((string)created["id"]!);
        Assert.Equal("Valid", await api.WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_returns_204_then_the_post_is_gone()
    {
        var tag = TestApi.Unique("kept-tag");
        var (url, etag, created) = await CreateAsync(new { title = "Short-lived", tags = new[] { tag } });
        var response = await _admin.DeleteAsync(url, etag);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await _admin.GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);
        await _admin.DeleteAsync(url, null).ExpectAsync(HttpStatusCode.NotFound);

        var id = Guid.Parse((string)created["id"]!);
        Assert.False(await api.WithDbAsync(db => db.PostTags.AnyAsync(pt => pt.PostId == id)));
        Assert.True(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Slug == tag)));
    }

    [Fact]
    public async Task Updating_a_missing_post_is_a_404()
    {
        var url = $"/api/v1/posts/{Guid.CreateVersion7()}";
        var problem = await _admin.PutJsonAsync(url, new { title = "Nobody" }, null).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, (int)problem["status"]!);
        await _admin.PatchMergeAsync(url, new { title = "Nobody" }).ExpectAsync(HttpStatusCode.NotFound);
    }
}
