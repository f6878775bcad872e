using System.Net;
using Cms.Client;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Clients;

/// <summary>
/// The .NET client (clients/dotnet) walks the integrator's scenario that the TypeScript client walks
/// in CI: an author, a tag, a post with an uploaded feature image, a list by tag, cursor paging, an
/// update with If-Match and the 412 of a stale version.
/// </summary>
public sealed class DotnetClientTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task The_dotnet_client_walks_the_integrators_scenario()
    {
        var cms = new CmsClient(api.Admin());
        var readers = new CmsClient(api.Anonymous());

        var author = await cms.CreateAuthorAsync(new AuthorInput(TestApi.Unique("Ada Lovelace")) { Bio = "Wrote the first program." });
        var tag = await cms.CreateTagAsync(new TagInput(TestApi.Unique("Engines")));
        Assert.Equal(0, tag.PostCount);

        using var png = new MemoryStream(TestImages.Png(40, 30));
        var image = await cms.UploadImageAsync(png, "engine.png", alt: "The engine");
        Assert.Equal((40, 30, "image/png"), (image.Width, image.Height, image.ContentType));

        var created = new List<Post>();
        foreach (var n in new[] { 1, 2, 3 })
        {
            created.Add(await cms.CreatePostAsync(new PostInput($"Notes on the engine, part {n}")
            {
                Body = $"# Part {n}\n\nThe *analytical* engine.",
                Status = PostStatus.Published,
                PublishedAt = api.Clock.GetUtcNow().AddDays(-10 + n),
                Authors = [author.Slug],
                Tags = [tag.Slug],
                FeatureImageId = n == 3 ? image.Id : null,
            }));
        }
        var featured = created[2];
        Assert.Equal(image.Id, featured.FeatureImage?.Id);
        Assert.Equal("The engine", featured.FeatureImage?.Alt);
        Assert.Contains("<em>analytical</em>", featured.Html);
        Assert.Equal(PostStatus.Published, featured.Status);
        Assert.Equal([author.Slug], featured.Authors!.Select(a => a.Slug));

        // By tag, newest first, as a reader without a key; only the fields asked for.
        var byTag = await readers.ListPostsAsync(new PostQuery { Tag = tag.Slug, Fields = "id,slug,title,featureImage" });
        Assert.Equal(created.Select(p => p.Id).Reverse(), byTag.Items.Select(p => p.Id));
        Assert.Equal(image.Url, byTag.Items[0].FeatureImage?.Url);
        Assert.Null(byTag.Items[0].Html);
        Assert.Equal(3, byTag.Pagination.Total);

        // Cursor paging, one at a time.
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await readers.ListPostsAsync(new PostQuery { Tag = tag.Slug, PageSize = 1, Cursor = cursor });
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.Pagination.NextCursor;
        } while (cursor is not null && seen.Count < 10);
        Assert.Equal(created.Select(p => p.Id).Reverse(), seen);

        // Update with If-Match; the stale version again is a 412 that changes nothing.
        var stale = CmsClient.IfMatch(featured.Version!);
        var updated = await cms.PatchPostAsync(featured.Id, new { excerpt = "Shorter." }, stale);
        Assert.Equal("Shorter.", updated.Excerpt);
        Assert.NotEqual(featured.Version, updated.Version);

        var conflict = await Assert.ThrowsAsync<CmsApiException>(() =>
            cms.UpdatePostAsync(featured.Id, new PostInput("Stale title"), stale));
        Assert.True(conflict.IsVersionConflict);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        Assert.Equal(412, conflict.Problem?.Status);
        Assert.False(string.IsNullOrEmpty(conflict.Problem?.TraceId));

        var current = await readers.GetPostBySlugAsync(featured.Slug);
        Assert.Equal((featured.Title, updated.Version), (current.Title, current.Version));

        // Errors carry the problem: a draft is a 404 to readers.
        var draft = await cms.CreatePostAsync(new PostInput("A draft"));
        var missing = await Assert.ThrowsAsync<CmsApiException>(() => readers.GetPostAsync(draft.Id));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
