using System.Net;
using System.Text.Json.Nodes;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Authors;

public sealed class DeleteAuthorTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    private Task<List<Guid>> BylineInDbAsync(Guid postId) =>
        api.WithDbAsync(db => db.PostAuthors.Where(pa => pa.PostId == postId).OrderBy(pa => pa.Position).Select(pa => pa.AuthorId).ToListAsync());

    private static string[] BylineSlugs(JsonNode post) =>
        [.. post["authors"]!.AsArray().Select(a => (string)a!["slug"]!)];

    [Fact]
    public async Task Deleting_an_author_without_posts_returns_204_then_404()
    {
        var author = await _admin.CreateAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);

        var response = await _admin.DeleteAsync($"/api/v1/authors/{id}", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await _admin.GetAsync($"/api/v1/authors/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await _admin.GetAsync($"/api/v1/authors/slug/{author["slug"]}").ExpectAsync(HttpStatusCode.NotFound);
        await _admin.DeleteAsync($"/api/v1/authors/{id}", null).ExpectAsync(HttpStatusCode.NotFound);
        Assert.False(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task Deleting_with_the_current_etag_succeeds_and_with_a_stale_one_returns_412()
    {
        var created = await _admin.PostJsonAsync("/api/v1/authors", new { name = TestApi.Unique("Versioned") });
        var author = await created.ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse((string)author["id"]!);
        var staleETag = created.ETag();
        var patched = await _admin.PatchMergeAsync($"/api/v1/authors/{id}", new { bio = "Edited meanwhile." }).ExpectAsync(HttpStatusCode.OK);

        await _admin.DeleteAsync($"/api/v1/authors/{id}", staleETag).ExpectAsync(HttpStatusCode.PreconditionFailed);
        Assert.True(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == id)));

        await _admin.DeleteAsync($"/api/v1/authors/{id}", $"\"{patched["version"]}\"").ExpectAsync(HttpStatusCode.NoContent);
        Assert.False(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task Deleting_an_author_with_posts_returns_409_and_changes_nothing()
    {
        var author = await _admin.CreateAuthorAsync();
        var authorId = Guid.Parse((string)author["id"]!);
        var post = await _admin.CreatePostAsync(new { title = "Still credited", status = "published", authors = new[] { (string)author["slug"]! } });
        var postId = Guid.Parse((string)post["id"]!);

        var problem = await _admin.DeleteAsync($"/api/v1/authors/{authorId}", null).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal(409, (int)problem["status"]!);
        Assert.NotNull(problem["traceId"]);
        var stillThere = await _admin.GetAsync($"/api/v1/authors/{authorId}").ExpectAsync(HttpStatusCode.OK);
        // The same row version; the count part now counts the post.
        Assert.Equal(((string)author["version"]!).Replace(".0", ".1"), (string)stillThere["version"]!);
        Assert.Equal(1, (int)stillThere["postCount"]!);
        var postNow = await _admin.GetAsync($"/api/v1/posts/{postId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([(string)author["slug"]!], BylineSlugs(postNow));
        Assert.Equal((string)post["version"]!, (string)postNow["version"]!);
        Assert.Equal([authorId], await BylineInDbAsync(postId));
    }

    [Fact]
    public async Task Deleting_with_reassign_to_moves_the_posts_to_the_other_author()
    {
        var leaving = await _admin.CreateAuthorAsync();
        var heir = await _admin.CreateAuthorAsync();
        var leavingId = Guid.Parse((string)leaving["id"]!);
        var heirId = Guid.Parse((string)heir["id"]!);
        var heirSlug = (string)heir["slug"]!;
        var published = await _admin.CreatePostAsync(new { title = "Published", status = "published", authors = new[] { (string)leaving["slug"]! } });
        var draft = await _admin.CreatePostAsync(new { title = "Draft", authors = new[] { (string)leaving["slug"]! } });
        api.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await _admin.DeleteAsync($"/api/v1/authors/{leavingId}?reassignTo={heirSlug}", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await _admin.GetAsync($"/api/v1/authors/{leavingId}").ExpectAsync(HttpStatusCode.NotFound);
        foreach (var before in new[] { published, draft })
        {
            var postId = Guid.Parse((string)before["id"]!);
            var after = await _admin.GetAsync($"/api/v1/posts/{postId}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal([heirSlug], BylineSlugs(after));
            Assert.Equal((string)heir["name"]!, (string)after["authors"]![0]!["name"]!);
            Assert.NotEqual((string)before["version"]!, (string)after["version"]!);
            Assert.Equal([heirId], await BylineInDbAsync(postId));
        }
        Assert.False(await api.WithDbAsync(db => db.PostAuthors.AnyAsync(pa => pa.AuthorId == leavingId)));
        Assert.False(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == leavingId)));
        Assert.Equal(2, (int)(await _admin.GetAsync($"/api/v1/authors/{heirId}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
        Assert.Equal(1, (int)(await api.Anonymous().GetAsync($"/api/v1/authors/{heirId}").ExpectAsync(HttpStatusCode.OK))["postCount"]!);
    }

    [Fact]
    public async Task Reassigning_keeps_one_byline_entry_per_author_and_the_byline_order()
    {
        var leaving = await _admin.CreateAuthorAsync();
        var heir = await _admin.CreateAuthorAsync();
        var third = await _admin.CreateAuthorAsync();
        string leavingSlug = (string)leaving["slug"]!, heirSlug = (string)heir["slug"]!, thirdSlug = (string)third["slug"]!;
        var both = await _admin.CreatePostAsync(new { title = "Co-written", status = "published", authors = new[] { leavingSlug, heirSlug } });
        var mixed = await _admin.CreatePostAsync(new { title = "Three hands", status = "published", authors = new[] { thirdSlug, leavingSlug } });

        await _admin.DeleteAsync($"/api/v1/authors/{leaving["id"]}?reassignTo={heirSlug}", null).ExpectAsync(HttpStatusCode.NoContent);

        var bothId = Guid.Parse((string)both["id"]!);
        var bothAfter = await api.Anonymous().GetAsync($"/api/v1/posts/{bothId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([heirSlug], BylineSlugs(bothAfter));
        Assert.Equal([Guid.Parse((string)heir["id"]!)], await BylineInDbAsync(bothId));

        var mixedId = Guid.Parse((string)mixed["id"]!);
        var mixedAfter = await api.Anonymous().GetAsync($"/api/v1/posts/{mixedId}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([thirdSlug, heirSlug], BylineSlugs(mixedAfter));
        Assert.Equal([Guid.Parse((string)third["id"]!), Guid.Parse((string)heir["id"]!)], await BylineInDbAsync(mixedId));
    }

    [Fact]
    public async Task Reassigning_to_an_unknown_author_returns_400_and_changes_nothing()
    {
        var author = await _admin.CreateAuthorAsync();
        var authorId = Guid.Parse((string)author["id"]!);
        var post = await _admin.CreatePostAsync(new { title = "Kept", authors = new[] { (string)author["slug"]! } });
        var postId = Guid.Parse((string)post["id"]!);

        var problem = await _admin.DeleteAsync($"/api/v1/authors/{authorId}?reassignTo={TestApi.Unique("unknown")}", null)
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["reassignTo"]);
        Assert.True(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == authorId)));
        Assert.Equal([authorId], await BylineInDbAsync(postId));
        Assert.Equal((string)post["version"]!, (string)(await _admin.GetAsync($"/api/v1/posts/{postId}").ExpectAsync(HttpStatusCode.OK))["version"]!);
    }

    [Theory]
    [InlineData("Not A Slug")]
    [InlineData("self")]
    public async Task Reassigning_to_an_invalid_slug_or_to_the_author_itself_returns_400(string reassignTo)
    {
        var author = await _admin.CreateAuthorAsync();
        var authorId = Guid.Parse((string)author["id"]!);
        await _admin.CreatePostAsync(new { title = "Kept", authors = new[] { (string)author["slug"]! } });
        var target = reassignTo == "self" ? (string)author["slug"]! : reassignTo;

        var problem = await _admin.DeleteAsync($"/api/v1/authors/{authorId}?reassignTo={Uri.EscapeDataString(target)}", null)
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["reassignTo"]);
        Assert.True(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == authorId)));
    }

    [Fact]
    public async Task Deleting_needs_an_admin_key()
    {
        var author = await _admin.CreateAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);

        await api.Anonymous().DeleteAsync($"/api/v1/authors/{id}", null).ExpectAsync(HttpStatusCode.Unauthorized);
        await api.WithKey(contentKey).DeleteAsync($"/api/v1/authors/{id}", null).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.True(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Id == id)));
    }
}
