using System.Net;
using System.Text.Json.Nodes;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Authors;

public sealed class UpdateAuthorTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    private async Task<(JsonNode Author, string ETag)> CreateFullAuthorAsync()
    {
        var response = await _admin.PostJsonAsync("/api/v1/authors", new
        {
            name = TestApi.Unique("Editor"),
            bio = "Original bio.",
            website = "https://example.com/original",
            email = "original@example.com",
        });
        var author = await response.ExpectAsync(HttpStatusCode.Created);
        return (author, response.ETag());
    }

    [Fact]
    public async Task Updating_with_the_current_etag_returns_200_a_new_etag_and_stores_the_change()
    {
        var (author, etag) = await CreateFullAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);
        var name = TestApi.Unique("Renamed");
        api.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await _admin.PutJsonAsync($"/api/v1/authors/{id}",
            new { name, bio = "New bio.", website = "http://example.org/", email = "new@example.com" }, etag);

        var updated = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, response.ETag());
        Assert.Equal($"\"{updated["version"]}\"", response.ETag());
        Assert.Equal(name, (string)updated["name"]!);
        Assert.Equal((string)author["slug"]!, (string)updated["slug"]!);
        Assert.Equal("New bio.", (string)updated["bio"]!);
        Assert.Equal("http://example.org/", (string)updated["website"]!);
        Assert.Equal("new@example.com", (string)updated["email"]!);
        Assert.Equal((string)author["createdAt"]!, (string)updated["createdAt"]!);
        Assert.True(DateTimeOffset.Parse((string)updated["updatedAt"]!) > DateTimeOffset.Parse((string)author["updatedAt"]!));

        var stored = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));
        Assert.Equal(name, stored.Name);
        Assert.Equal("new@example.com", stored.Email);
        Assert.Equal($"{stored.Version}.{updated["postCount"]}", (string)updated["version"]!);
    }

    [Fact]
    public async Task Updating_replaces_the_whole_author_but_keeps_the_slug_when_none_is_given()
    {
        var (author, etag) = await CreateFullAuthorAsync();
        var id = (string)author["id"]!;

        var updated = await _admin.PutJsonAsync($"/api/v1/authors/{id}", new { name = "Only a name" }, etag).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((string)author["slug"]!, (string)updated["slug"]!);
        Assert.Null(updated["bio"]);
        Assert.Null(updated["website"]);
        Assert.True(updated.AsObject().ContainsKey("email"), "admins see the email field, null when cleared");
        Assert.Null(updated["email"]);
    }

    [Fact]
    public async Task Updating_with_a_stale_etag_returns_412_and_changes_nothing()
    {
        var (author, staleETag) = await CreateFullAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);
        var current = await _admin.PatchMergeAsync($"/api/v1/authors/{id}", new { bio = "Someone else's edit." }, staleETag)
            .ExpectAsync(HttpStatusCode.OK);
        var before = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));

        var problem = await _admin.PutJsonAsync($"/api/v1/authors/{id}", new { name = TestApi.Unique("Overwrite"), bio = "Mine." }, staleETag)
            .ExpectAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(412, (int)problem["status"]!);
        Assert.NotNull(problem["traceId"]);
        var after = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));
        Assert.Equal(before.Name, after.Name);
        Assert.Equal("Someone else's edit.", after.Bio);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal($"{after.Version}.{current["postCount"]}", (string)current["version"]!);
    }

    [Fact]
    public async Task Patching_with_a_stale_etag_returns_412_and_changes_nothing()
    {
        var (author, staleETag) = await CreateFullAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);
        await _admin.PatchMergeAsync($"/api/v1/authors/{id}", new { bio = "First edit." }, staleETag).ExpectAsync(HttpStatusCode.OK);
        var before = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));

        await _admin.PatchMergeAsync($"/api/v1/authors/{id}", new { bio = "Second edit." }, staleETag).ExpectAsync(HttpStatusCode.PreconditionFailed);

        var after = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));
        Assert.Equal("First edit.", after.Bio);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task A_merge_patch_changes_only_the_fields_it_names()
    {
        var (author, etag) = await CreateFullAuthorAsync();
        var id = (string)author["id"]!;
        var name = TestApi.Unique("Patched");

        var response = await _admin.PatchMergeAsync($"/api/v1/authors/{id}", new { name }, etag);

        var patched = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"\"{patched["version"]}\"", response.ETag());
        Assert.NotEqual(etag, response.ETag());
        Assert.Equal(name, (string)patched["name"]!);
        Assert.Equal((string)author["slug"]!, (string)patched["slug"]!);
        Assert.Equal("Original bio.", (string)patched["bio"]!);
        Assert.Equal("https://example.com/original", (string)patched["website"]!);
        Assert.Equal("original@example.com", (string)patched["email"]!);
    }

    [Fact]
    public async Task A_merge_patch_null_clears_the_bio_and_keeps_the_rest()
    {
        var (author, etag) = await CreateFullAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);

        var patched = await _admin.PatchMergeAsync($"/api/v1/authors/{id}", new { bio = (string?)null }, etag).ExpectAsync(HttpStatusCode.OK);

        Assert.Null(patched["bio"]);
        Assert.Equal((string)author["name"]!, (string)patched["name"]!);
        Assert.Equal("https://example.com/original", (string)patched["website"]!);
        Assert.Equal("original@example.com", (string)patched["email"]!);
        var stored = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));
        Assert.Null(stored.Bio);
        Assert.Equal("original@example.com", stored.Email);
    }

    [Theory]
    [InlineData("""{"website":"not a url"}""", "website")]
    [InlineData("""{"email":"nope"}""", "email")]
    [InlineData("""{"name":null}""", "name")]
    [InlineData("""{"name":""}""", "name")]
    public async Task An_invalid_merge_patch_returns_400_and_changes_nothing(string patch, string field)
    {
        var (author, _) = await CreateFullAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/authors/{id}")
        {
            Content = new StringContent(patch, System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };

        var problem = await (await _admin.SendAsync(request)).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        var stored = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));
        Assert.Equal((string)author["name"]!, stored.Name);
        Assert.Equal("https://example.com/original", stored.Website);
        Assert.Equal("original@example.com", stored.Email);
        Assert.Equal($"{stored.Version}.{author["postCount"]}", (string)author["version"]!);
    }

    [Fact]
    public async Task Updating_to_a_slug_another_author_has_returns_409_and_changes_nothing()
    {
        var other = await _admin.CreateAuthorAsync();
        var (author, etag) = await CreateFullAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);

        var problem = await _admin.PutJsonAsync($"/api/v1/authors/{id}", new { name = "Clash", slug = (string)other["slug"]! }, etag)
            .ExpectAsync(HttpStatusCode.Conflict);

        Assert.NotNull(problem["errors"]!["slug"]);
        var stored = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));
        Assert.Equal((string)author["slug"]!, stored.Slug);
        Assert.Equal((string)author["name"]!, stored.Name);
    }

    [Fact]
    public async Task Updating_an_unknown_author_is_a_404()
    {
        await _admin.PutJsonAsync($"/api/v1/authors/{Guid.CreateVersion7()}", new { name = "Ghost" }, null).ExpectAsync(HttpStatusCode.NotFound);
        await _admin.PatchMergeAsync($"/api/v1/authors/{Guid.CreateVersion7()}", new { name = "Ghost" }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Updating_and_patching_need_an_admin_key()
    {
        var (author, etag) = await CreateFullAuthorAsync();
        var id = Guid.Parse((string)author["id"]!);
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);
        var content = api.WithKey(contentKey);
        var anonymous = api.Anonymous();

        await anonymous.PutJsonAsync($"/api/v1/authors/{id}", new { name = "Hijacked" }, etag).ExpectAsync(HttpStatusCode.Unauthorized);
        await content.PutJsonAsync($"/api/v1/authors/{id}", new { name = "Hijacked" }, etag).ExpectAsync(HttpStatusCode.Forbidden);
        await anonymous.PatchMergeAsync($"/api/v1/authors/{id}", new { name = "Hijacked" }, etag).ExpectAsync(HttpStatusCode.Unauthorized);
        await content.PatchMergeAsync($"/api/v1/authors/{id}", new { name = "Hijacked" }, etag).ExpectAsync(HttpStatusCode.Forbidden);

        var stored = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));
        Assert.Equal((string)author["name"]!, stored.Name);
        Assert.Equal($"{stored.Version}.{author["postCount"]}", (string)author["version"]!);
    }
}
