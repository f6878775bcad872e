using System.Net;
using System.Text.Json.Nodes;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Tags;

public sealed class UpdateTagTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    private async Task<(JsonNode Tag, string ETag)> CreateDescribedTagAsync()
    {
        var response = await _admin.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("Topic"), description = "Original description." });
        return (await response.ExpectAsync(HttpStatusCode.Created), response.ETag());
    }

    [Fact]
    public async Task Updating_with_the_current_etag_returns_200_a_new_etag_and_stores_the_change()
    {
        var (tag, etag) = await CreateDescribedTagAsync();
        var id = Guid.Parse((string)tag["id"]!);
        var name = TestApi.Unique("Renamed");
        var slug = TestApi.Unique("renamed-slug");

        var response = await _admin.PutJsonAsync($"/api/v1/tags/{id}", new { name, slug, description = "New." }, etag);

        var updated = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, response.ETag());
        Assert.Equal($"\"{updated["version"]}\"", response.ETag());
        Assert.Equal(name, (string)updated["name"]!);
        Assert.Equal(slug, (string)updated["slug"]!);
        Assert.Equal("New.", (string)updated["description"]!);
        var stored = await api.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == id));
        Assert.Equal(name, stored.Name);
        Assert.Equal(slug, stored.Slug);
        Assert.Equal($"{stored.Version}.{updated["postCount"]}", (string)updated["version"]!);
        await api.Anonymous().GetAsync($"/api/v1/tags/slug/{tag["slug"]}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Updating_without_a_slug_keeps_it_and_clears_an_absent_description()
    {
        var (tag, etag) = await CreateDescribedTagAsync();

        var updated = await _admin.PutJsonAsync($"/api/v1/tags/{tag["id"]}", new { name = "Only a name" }, etag).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((string)tag["slug"]!, (string)updated["slug"]!);
        Assert.Null(updated["description"]);
    }

    [Fact]
    public async Task Updating_with_a_stale_etag_returns_412_and_changes_nothing()
    {
        var (tag, staleETag) = await CreateDescribedTagAsync();
        var id = Guid.Parse((string)tag["id"]!);
        await _admin.PatchMergeAsync($"/api/v1/tags/{id}", new { description = "Edited meanwhile." }, staleETag).ExpectAsync(HttpStatusCode.OK);
        var before = await api.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == id));

        var problem = await _admin.PutJsonAsync($"/api/v1/tags/{id}", new { name = TestApi.Unique("Overwrite") }, staleETag)
            .ExpectAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(412, (int)problem["status"]!);
        var after = await api.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == id));
        Assert.Equal(before.Name, after.Name);
        Assert.Equal("Edited meanwhile.", after.Description);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Patching_with_a_stale_etag_returns_412_and_changes_nothing()
    {
        var (tag, staleETag) = await CreateDescribedTagAsync();
        var id = Guid.Parse((string)tag["id"]!);
        await _admin.PatchMergeAsync($"/api/v1/tags/{id}", new { description = "First." }, staleETag).ExpectAsync(HttpStatusCode.OK);

        await _admin.PatchMergeAsync($"/api/v1/tags/{id}", new { description = "Second." }, staleETag).ExpectAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal("First.", (await api.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == id))).Description);
    }

    [Fact]
    public async Task A_merge_patch_changes_only_the_fields_it_names_and_null_clears()
    {
        var (tag, etag) = await CreateDescribedTagAsync();
        var id = Guid.Parse((string)tag["id"]!);
        var name = TestApi.Unique("Patched");

        var renamedResponse = await _admin.PatchMergeAsync($"/api/v1/tags/{id}", new { name }, etag);
        var renamed = await renamedResponse.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(name, (string)renamed["name"]!);
        Assert.Equal((string)tag["slug"]!, (string)renamed["slug"]!);
        Assert.Equal("Original description.", (string)renamed["description"]!);
        Assert.NotEqual(etag, renamedResponse.ETag());

        var cleared = await _admin.PatchMergeAsync($"/api/v1/tags/{id}", new { description = (string?)null }, renamedResponse.ETag())
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Null(cleared["description"]);
        Assert.Equal(name, (string)cleared["name"]!);
        Assert.Null((await api.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == id))).Description);
    }

    [Fact]
    public async Task Updating_to_a_slug_another_tag_has_returns_409_and_changes_nothing()
    {
        var other = await _admin.CreateTagAsync();
        var (tag, etag) = await CreateDescribedTagAsync();
        var id = Guid.Parse((string)tag["id"]!);

        var problem = await _admin.PatchMergeAsync($"/api/v1/tags/{id}", new { slug = (string)other["slug"]! }, etag)
            .ExpectAsync(HttpStatusCode.Conflict);

        Assert.NotNull(problem["errors"]!["slug"]);
        Assert.Equal((string)tag["slug"]!, (await api.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == id))).Slug);
    }

    [Fact]
    public async Task An_invalid_update_returns_400_with_errors_per_field()
    {
        var (tag, etag) = await CreateDescribedTagAsync();

        var put = await _admin.PutJsonAsync($"/api/v1/tags/{tag["id"]}", new { name = "" }, etag).ExpectAsync(HttpStatusCode.BadRequest);
        var patch = await _admin.PatchMergeAsync($"/api/v1/tags/{tag["id"]}", new { slug = "Not A Slug" }, etag).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(put["errors"]!["name"]);
        Assert.NotNull(patch["errors"]!["slug"]);
    }

    [Fact]
    public async Task Updating_an_unknown_tag_is_a_404()
    {
        await _admin.PutJsonAsync($"/api/v1/tags/{Guid.CreateVersion7()}", new { name = "Ghost" }, null).ExpectAsync(HttpStatusCode.NotFound);
        await _admin.PatchMergeAsync($"/api/v1/tags/{Guid.CreateVersion7()}", new { name = "Ghost" }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Updating_and_patching_need_an_admin_key()
    {
        var (tag, etag) = await CreateDescribedTagAsync();
        var id = Guid.Parse((string)tag["id"]!);
        var content = api.WithKey(await api.CreateKeyAsync(ApiKeyScope.Content));

        await api.Anonymous().PutJsonAsync($"/api/v1/tags/{id}", new { name = "Hijacked" }, etag).ExpectAsync(HttpStatusCode.Unauthorized);
        await content.PutJsonAsync($"/api/v1/tags/{id}", new { name = "Hijacked" }, etag).ExpectAsync(HttpStatusCode.Forbidden);
        await api.Anonymous().PatchMergeAsync($"/api/v1/tags/{id}", new { name = "Hijacked" }, etag).ExpectAsync(HttpStatusCode.Unauthorized);
        await content.PatchMergeAsync($"/api/v1/tags/{id}", new { name = "Hijacked" }, etag).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal($"{(await api.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == id))).Version}.{tag["postCount"]}", (string)tag["version"]!);
    }
}
