using System.Net;
using System.Text.Json.Nodes;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Tags;

public sealed class DeleteTagTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    private static string[] TagSlugs(JsonNode post) =>
        [.. post["tags"]!.AsArray().Select(t => (string)t!["slug"]!)];

    [Fact]
    public async Task Deleting_a_tag_without_posts_returns_204_then_404()
    {
        var tag = await _admin.CreateTagAsync();
        var id = Guid.Parse((string)tag["id"]!);

        var response = await _admin.DeleteAsync($"/api/v1/tags/{id}", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await api.Anonymous().GetAsync($"/api/v1/tags/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await api.Anonymous().GetAsync($"/api/v1/tags/slug/{tag["slug"]}").ExpectAsync(HttpStatusCode.NotFound);
        await _admin.DeleteAsync($"/api/v1/tags/{id}", null).ExpectAsync(HttpStatusCode.NotFound);
        Assert.False(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == id)));
    }

    [Fact]
    public async Task Deleting_a_tag_removes_it_from_its_posts_and_keeps_the_posts()
    {
        var doomed = await _admin.CreateTagAsync();
        var kept = await _admin.CreateTagAsync();
        var doomedId = Guid.Parse((string)doomed["id"]!);
        string doomedSlug = (string)doomed["slug"]!, keptSlug = (string)kept["slug"]!;
        var tagged = await _admin.CreatePostAsync(new { title = "Tagged twice", status = "published", tags = new[] { doomedSlug, keptSlug } });
        var onlyTag = await _admin.CreatePostAsync(new { title = "Tagged once", tags = new[] { doomedSlug } });

        await _admin.DeleteAsync($"/api/v1/tags/{doomedId}", null).ExpectAsync(HttpStatusCode.NoContent);

        var taggedAfter = await api.Anonymous().GetAsync($"/api/v1/posts/{tagged["id"]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([keptSlug], TagSlugs(taggedAfter));
        var onlyTagAfter = await _admin.GetAsync($"/api/v1/posts/{onlyTag["id"]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(TagSlugs(onlyTagAfter));
        Assert.False(await api.WithDbAsync(db => db.PostTags.AnyAsync(pt => pt.TagId == doomedId)));
        Assert.False(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == doomedId)));
        Guid[] postIds = [Guid.Parse((string)tagged["id"]!), Guid.Parse((string)onlyTag["id"]!)];
        Assert.Equal(2, await api.WithDbAsync(db => db.Posts.CountAsync(p => postIds.Contains(p.Id))));
        Assert.Equal(1, (int)(await _admin.GetAsync($"/api/v1/tags/{kept["id"]}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
    }

    [Fact]
    public async Task Deleting_a_tag_changes_the_version_of_the_posts_it_was_on()
    {
        var tag = await _admin.CreateTagAsync();
        var post = await _admin.CreatePostAsync(new { title = "Cached with its tag", status = "published", tags = new[] { (string)tag["slug"]! } });
        var cachedETag = $"\"{post["version"]}\"";
        api.Clock.Advance(TimeSpan.FromMinutes(1));

        await _admin.DeleteAsync($"/api/v1/tags/{tag["id"]}", null).ExpectAsync(HttpStatusCode.NoContent);

        // A reader that cached the post with the tag must not be told "304 Not Modified".
        var response = await api.Anonymous().GetAsync($"/api/v1/posts/{post["id"]}", cachedETag);
        var after = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(TagSlugs(after));
        Assert.NotEqual(cachedETag, response.ETag());
    }

    [Fact]
    public async Task Deleting_with_a_stale_etag_returns_412_and_the_tag_stays_on_its_posts()
    {
        var created = await _admin.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("Guarded") });
        var tag = await created.ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse((string)tag["id"]!);
        var post = await _admin.CreatePostAsync(new { title = "Still tagged", tags = new[] { (string)tag["slug"]! } });
        var patched = await _admin.PatchMergeAsync($"/api/v1/tags/{id}", new { description = "Edited meanwhile." }).ExpectAsync(HttpStatusCode.OK);

        await _admin.DeleteAsync($"/api/v1/tags/{id}", created.ETag()).ExpectAsync(HttpStatusCode.PreconditionFailed);

        Assert.True(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == id)));
        Assert.True(await api.WithDbAsync(db => db.PostTags.AnyAsync(pt => pt.TagId == id)));
        var postAfter = await _admin.GetAsync($"/api/v1/posts/{post["id"]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([(string)tag["slug"]!], TagSlugs(postAfter));

        await _admin.DeleteAsync($"/api/v1/tags/{id}", $"\"{patched["version"]}\"").ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Deleting_needs_an_admin_key()
    {
        var tag = await _admin.CreateTagAsync();
        var id = Guid.Parse((string)tag["id"]!);
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);

        await api.Anonymous().DeleteAsync($"/api/v1/tags/{id}", null).ExpectAsync(HttpStatusCode.Unauthorized);
        await api.WithKey(contentKey).DeleteAsync($"/api/v1/tags/{id}", null).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.True(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Id == id)));
    }
}
