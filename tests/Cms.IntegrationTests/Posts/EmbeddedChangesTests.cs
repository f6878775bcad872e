using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Posts;

/// <summary>Posts embed their tags and authors: changing one of those is a change of the post.</summary>
public sealed class EmbeddedChangesTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task Renaming_a_tag_gives_its_posts_a_new_etag_and_the_new_name()
    {
        var name = TestApi.Unique("Ukraine");
        var created = await _admin.PostJsonAsync("/api/v1/posts", new { title = "Tagged", status = "published", tags = new[] { name } });
        var post = await Task.FromResult(created).ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/v1/posts/{post["id"]}";
        var tagId = (string)post["tags"]![0]!["id"]!;

        await _admin.PatchMergeAsync($"/api/v1/tags/{tagId}", new { name = name + " war" }).ExpectAsync(HttpStatusCode.OK);

        var response = await api.Anonymous().GetAsync(url, created.Headers.ETag!.Tag);
        var fresh = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(name + " war", (string)fresh["tags"]![0]!["name"]!);
    }

    [Fact]
    public async Task A_renamed_tag_is_found_by_its_new_name_and_not_created_twice()
    {
        var name = TestApi.Unique("Renamed");
        var post = await _admin.CreatePostAsync(new { title = "First", tags = new[] { name } });
        var tagId = (string)post["tags"]![0]!["id"]!;
        await _admin.PatchMergeAsync($"/api/v1/tags/{tagId}", new { name = name + " Later" }).ExpectAsync(HttpStatusCode.OK);

        var second = await _admin.CreatePostAsync(new { title = "Second", tags = new[] { (name + " later").ToUpperInvariant() } });

        Assert.Equal(tagId, (string)second["tags"]![0]!["id"]!);
    }

    [Fact]
    public async Task Renaming_an_author_gives_their_posts_a_new_etag()
    {
        var author = await _admin.CreateAuthorAsync();
        var created = await _admin.PostJsonAsync("/api/v1/posts", new { title = "Bylined", status = "published", authors = new[] { (string)author["slug"]! } });
        var post = await Task.FromResult(created).ExpectAsync(HttpStatusCode.Created);

        await _admin.PatchMergeAsync($"/api/v1/authors/{author["id"]}", new { name = "Someone Else" }).ExpectAsync(HttpStatusCode.OK);

        var fresh = await api.Anonymous().GetAsync($"/api/v1/posts/{post["id"]}", created.Headers.ETag!.Tag).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Someone Else", (string)fresh["authors"]![0]!["name"]!);
    }

    [Fact]
    public async Task A_new_post_has_equal_created_and_updated_times()
    {
        var post = await _admin.CreatePostAsync(new { title = "Fresh" });
        Assert.Equal((string)post["createdAt"]!, (string)post["updatedAt"]!);
    }
}
