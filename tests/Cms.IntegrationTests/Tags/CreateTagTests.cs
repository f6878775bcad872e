using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Tags;

public sealed class CreateTagTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task Creating_a_tag_returns_201_with_location_etag_and_stores_the_row()
    {
        var name = TestApi.Unique("Ukraine");
        var response = await _admin.PostJsonAsync("/api/v1/tags", new { name, description = "War and peace." });

        var tag = await response.ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse((string)tag["id"]!);
        Assert.Equal(7, id.Version);
        Assert.Equal($"/api/v1/tags/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal($"\"{tag["version"]}\"", response.Headers.ETag!.Tag);
        Assert.Equal(name.ToLowerInvariant(), (string)tag["slug"]!);
        Assert.Equal(name, (string)tag["name"]!);
        Assert.Equal("War and peace.", (string)tag["description"]!);
        Assert.Equal(0, (int)tag["postCount"]!);
        Assert.EndsWith("Z", (string)tag["createdAt"]!);

        var stored = await api.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == id));
        Assert.Equal(name, stored.Name);
        Assert.Equal("War and peace.", stored.Description);
        Assert.Equal($"{stored.Version}.{tag["postCount"]}", (string)tag["version"]!);
    }

    [Fact]
    public async Task A_unicode_name_gets_a_transliterated_slug()
    {
        var suffix = TestApi.Unique("x");
        var tag = await _admin.CreateTagAsync($"Ça Déménage — 東京 {suffix}");
        Assert.Equal($"ca-demenage-dongjing-{suffix}", (string)tag["slug"]!);
    }

    [Fact]
    public async Task Generated_slugs_get_numeric_suffixes_when_the_name_is_taken()
    {
        var name = TestApi.Unique("World News");
        var first = await _admin.CreateTagAsync(name);
        var second = await _admin.CreateTagAsync(name);
        Assert.Equal((string)first["slug"]! + "-2", (string)second["slug"]!);
    }

    [Fact]
    public async Task An_explicit_taken_slug_returns_409_with_errors_slug_and_creates_nothing()
    {
        var slug = TestApi.Unique("taken");
        var secondName = TestApi.Unique("Second");
        await _admin.PostJsonAsync("/api/v1/tags", new { name = "First", slug }).ExpectAsync(HttpStatusCode.Created);

        var problem = await _admin.PostJsonAsync("/api/v1/tags", new { name = secondName, slug }).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal(409, (int)problem["status"]!);
        Assert.NotNull(problem["errors"]!["slug"]);
        Assert.Equal(1, await api.WithDbAsync(db => db.Tags.CountAsync(t => t.Slug == slug)));
        Assert.False(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Name == secondName)));
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"description":"no name"}""", "name")]
    [InlineData("""{"name":"x","slug":"Not A Slug"}""", "slug")]
    [InlineData("""{"name":"x","slug":"double--hyphen"}""", "slug")]
    public async Task Invalid_fields_return_400_with_errors_per_field(string body, string field)
    {
        var response = await _admin.PostAsync("/api/v1/tags", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task A_name_over_100_characters_is_a_400()
    {
        var problem = await _admin.PostJsonAsync("/api/v1/tags", new { name = new string('a', 101) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
    }

    [Fact]
    public async Task Creating_needs_an_admin_key()
    {
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);
        var name = TestApi.Unique("Forbidden");

        await api.Anonymous().PostJsonAsync("/api/v1/tags", new { name }).ExpectAsync(HttpStatusCode.Unauthorized);
        await api.WithKey(contentKey).PostJsonAsync("/api/v1/tags", new { name }).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.False(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Name == name)));
    }
}
