using System.Net;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Images;

public sealed class ImageLibraryTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task The_list_is_newest_first_paged_with_sparse_fields_and_a_list_etag_that_moves_with_an_upload()
    {
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var older = await api.Admin().UploadImageAsync();
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = await api.Admin().UploadImageAsync();

        var response = await api.Anonymous().GetAsync("/api/v1/images?pageSize=2&fields=id,url");
        var page = await response.ExpectAsync(HttpStatusCode.OK);
        var items = page["items"]!.AsArray();
        Assert.Equal([(string)newer["id"]!, (string)older["id"]!], items.Select(i => (string)i!["id"]!).Take(2));
        Assert.Equal(["id", "url"], items[0]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(2, (int)page["pagination"]!["pageSize"]!);

        var etag = response.ETag();
        Assert.Equal(HttpStatusCode.NotModified, (await api.Anonymous().GetAsync("/api/v1/images?pageSize=2&fields=id,url", etag)).StatusCode);
        await api.Admin().UploadImageAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/api/v1/images?pageSize=2&fields=id,url", etag)).StatusCode);
        await api.Anonymous().GetAsync("/api/v1/images?fields=nope").ExpectAsync(HttpStatusCode.BadRequest);
        var tooFar = await api.Anonymous().GetAsync("/api/v1/images?page=2147483647&pageSize=100").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(tooFar["errors"]!.AsObject().ContainsKey("page"), tooFar.ToJsonString());
    }

    [Fact]
    public async Task An_image_is_read_by_id_with_its_etag_and_an_unknown_id_is_404()
    {
        var image = await api.Admin().UploadImageAsync(alt: "A cat");
        var response = await api.Anonymous().GetAsync($"/api/v1/images/{image["id"]}");
        var read = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("A cat", (string)read["alt"]!);
        Assert.Equal($"\"{image["version"]}\"", response.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await api.Anonymous().GetAsync($"/api/v1/images/{image["id"]}", response.ETag())).StatusCode);
        await api.Anonymous().GetAsync($"/api/v1/images/{Guid.CreateVersion7()}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_changes_alt_and_caption_with_if_match_and_a_stale_etag_is_412()
    {
        var image = await api.Admin().UploadImageAsync(alt: "before");
        var url = $"/api/v1/images/{image["id"]}";
        var etag = $"\"{image["version"]}\"";

        var patched = await api.Admin().PatchMergeAsync(url, new { caption = "Photo: Ana" }, etag).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("before", (string)patched["alt"]!);
        Assert.Equal("Photo: Ana", (string)patched["caption"]!);
        Assert.NotEqual((string)image["version"]!, (string)patched["version"]!);

        await api.Admin().PatchMergeAsync(url, new { alt = "stale" }, etag).ExpectAsync(HttpStatusCode.PreconditionFailed);
        var cleared = await api.Admin().PatchMergeAsync(url, new Dictionary<string, object?> { ["alt"] = null }).ExpectAsync(HttpStatusCode.OK);
        Assert.Null(cleared["alt"]);
        Assert.Equal("Photo: Ana", (string)cleared["caption"]!);
        await api.Admin().PatchMergeAsync(url, new { width = 10 }).ExpectAsync(HttpStatusCode.BadRequest);
        await api.Anonymous().PatchMergeAsync(url, new { alt = "x" }).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_post_takes_a_feature_image_returns_it_embedded_and_keeps_it_through_a_patch()
    {
        var image = await api.Admin().UploadImageAsync(alt: "Harbour");
        var post = await api.Admin().CreatePostAsync(new { title = TestApi.Unique("Harbour"), status = "published", featureImageId = (string)image["id"]! });

        var feature = post["featureImage"]!;
        Assert.Equal((string)image["id"]!, (string)feature["id"]!);
        Assert.Equal((string)image["url"]!, (string)feature["url"]!);
        Assert.Equal((int)image["width"]!, (int)feature["width"]!);
        Assert.Equal((int)image["height"]!, (int)feature["height"]!);
        Assert.Equal("Harbour", (string)feature["alt"]!);

        var url = $"/api/v1/posts/{post["id"]}";
        var patched = await api.Admin().PatchMergeAsync(url, new { title = "Renamed" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string)image["id"]!, (string)patched["featureImage"]!["id"]!);

        var sparse = await api.Anonymous().GetAsync($"{url}?fields=id,featureImage").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string)image["url"]!, (string)sparse["featureImage"]!["url"]!);
        var list = await api.Anonymous().GetAsync("/api/v1/posts?pageSize=100").ExpectAsync(HttpStatusCode.OK);
        var listed = list["items"]!.AsArray().Single(i => (string)i!["id"]! == (string)post["id"]!)!;
        Assert.Equal((string)image["url"]!, (string)listed["featureImage"]!["url"]!);

        var removed = await api.Admin().PatchMergeAsync(url, new Dictionary<string, object?> { ["featureImageId"] = null }).ExpectAsync(HttpStatusCode.OK);
        Assert.Null(removed["featureImage"]);
    }

    [Fact]
    public async Task An_unknown_feature_image_is_400_and_a_post_without_one_has_null()
    {
        var problem = await api.Admin().PostJsonAsync("/api/v1/posts", new { title = "x", featureImageId = Guid.CreateVersion7() })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["featureImageId"]);
        var post = await api.Admin().CreatePostAsync(new { title = TestApi.Unique("Plain") });
        Assert.True(post.AsObject().ContainsKey("featureImage"));
        Assert.Null(post["featureImage"]);
    }

    [Fact]
    public async Task An_author_takes_an_avatar_image()
    {
        var image = await api.Admin().UploadImageAsync(alt: "Portrait");
        var author = await api.Admin().PostJsonAsync("/api/v1/authors", new { name = TestApi.Unique("Ana"), avatarImageId = (string)image["id"]! })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal((string)image["url"]!, (string)author["avatarImage"]!["url"]!);
        Assert.Equal("Portrait", (string)author["avatarImage"]!["alt"]!);

        var patched = await api.Admin().PatchMergeAsync($"/api/v1/authors/{author["id"]}", new { bio = "Reporter" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string)image["id"]!, (string)patched["avatarImage"]!["id"]!);
        var sparse = await api.Anonymous().GetAsync($"/api/v1/authors/{author["id"]}?fields=avatarImage").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((string)image["id"]!, (string)sparse["avatarImage"]!["id"]!);

        var problem = await api.Admin().PostJsonAsync("/api/v1/authors", new { name = "X", avatarImageId = Guid.CreateVersion7() })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["avatarImageId"]);
    }

    [Fact]
    public async Task Changing_the_alt_text_gives_the_posts_that_show_the_image_a_new_version()
    {
        var image = await api.Admin().UploadImageAsync(alt: "old");
        var post = await api.Admin().CreatePostAsync(new { title = TestApi.Unique("Alt"), status = "published", featureImageId = (string)image["id"]! });
        var url = $"/api/v1/posts/{post["id"]}";
        var before = await api.Anonymous().GetAsync(url);

        await api.Admin().PatchMergeAsync($"/api/v1/images/{image["id"]}", new { alt = "new" }).ExpectAsync(HttpStatusCode.OK);

        var after = await api.Anonymous().GetAsync(url, before.ETag());
        var body = await after.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("new", (string)body["featureImage"]!["alt"]!);
    }

    [Fact]
    public async Task Deleting_an_image_in_use_is_409_and_once_unused_removes_the_row_the_file_and_its_variants()
    {
        var bytes = TestImages.Jpeg(400, 300);
        var image = await api.Admin().UploadImageAsync(bytes);
        var sha = (string)image["sha256"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync($"{image["url"]}?w=160")).StatusCode);
        Assert.Contains(api.StoredFiles(), f => f.EndsWith($"{sha}-w160.jpg", StringComparison.Ordinal));
        var post = await api.Admin().CreatePostAsync(new { title = TestApi.Unique("Used"), featureImageId = (string)image["id"]! });
        var author = await api.Admin().PostJsonAsync("/api/v1/authors", new { name = TestApi.Unique("Av"), avatarImageId = (string)image["id"]! })
            .ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/v1/images/{image["id"]}";

        var problem = await api.Admin().DeleteAsync(url, ifMatch: null).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 post(s)", (string)problem["detail"]!);
        Assert.Contains("1 author(s)", (string)problem["detail"]!);
        Assert.Contains(api.StoredFiles(), f => f.EndsWith($"{sha}.jpg", StringComparison.Ordinal));

        await api.Admin().PatchMergeAsync($"/api/v1/posts/{post["id"]}", new Dictionary<string, object?> { ["featureImageId"] = null }).ExpectAsync(HttpStatusCode.OK);
        await api.Admin().PatchMergeAsync($"/api/v1/authors/{author["id"]}", new Dictionary<string, object?> { ["avatarImageId"] = null }).ExpectAsync(HttpStatusCode.OK);
        await api.Admin().DeleteAsync(url, ifMatch: null).ExpectAsync(HttpStatusCode.NoContent);

        Assert.DoesNotContain(api.StoredFiles(), f => f.Contains(sha, StringComparison.Ordinal));
        Assert.False(await api.WithDbAsync(db => db.Images.AnyAsync(i => i.Sha256 == sha)));
        await api.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);
        await api.Anonymous().GetAsync((string)image["url"]!).ExpectAsync(HttpStatusCode.NotFound);
        await api.Admin().DeleteAsync(url, ifMatch: null).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_database_refuses_to_delete_an_image_a_post_still_points_at()
    {
        var image = await api.Admin().UploadImageAsync();
        await api.Admin().CreatePostAsync(new { title = TestApi.Unique("Fk"), featureImageId = (string)image["id"]! });
        var id = Guid.Parse((string)image["id"]!);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => api.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM images WHERE id = {id}")));
        Assert.Equal(Npgsql.PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }
}
