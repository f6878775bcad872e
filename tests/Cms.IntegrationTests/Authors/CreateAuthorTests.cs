using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Authors;

public sealed class CreateAuthorTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task Creating_an_author_returns_201_with_location_etag_and_stores_the_row()
    {
        var name = TestApi.Unique("Badely");
        var response = await _admin.PostJsonAsync("/api/v1/authors", new
        {
            name,
            bio = "Writes about **Europe**.",
            website = "https://example.com/badely",
            email = "badely@example.com",
        });

        var author = await response.ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse((string)author["id"]!);
        Assert.Equal(7, id.Version);
        Assert.Equal($"/api/v1/authors/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal($"\"{author["version"]}\"", response.Headers.ETag!.Tag);
        Assert.Equal(name.ToLowerInvariant(), (string)author["slug"]!);
        Assert.Equal(name, (string)author["name"]!);
        Assert.Equal("Writes about **Europe**.", (string)author["bio"]!);
        Assert.Equal("https://example.com/badely", (string)author["website"]!);
        Assert.Equal("badely@example.com", (string)author["email"]!);
        Assert.Equal(0, (int)author["postCount"]!);
        Assert.EndsWith("Z", (string)author["createdAt"]!);
        Assert.EndsWith("Z", (string)author["updatedAt"]!);

        var stored = await api.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == id));
        Assert.Equal(name, stored.Name);
        Assert.Equal(name.ToLowerInvariant(), stored.Slug);
        Assert.Equal("badely@example.com", stored.Email);
        Assert.Equal($"{stored.Version}.{author["postCount"]}", (string)author["version"]!);
    }

    [Fact]
    public async Task A_unicode_name_gets_a_transliterated_slug()
    {
        var suffix = TestApi.Unique("x");
        var author = await _admin.CreateAuthorAsync($"Zoë Ångström — 東京 {suffix}");
        Assert.Equal($"zoe-angstrom-dongjing-{suffix}", (string)author["slug"]!);
        Assert.Equal($"Zoë Ångström — 東京 {suffix}", (string)author["name"]!);
    }

    [Fact]
    public async Task Generated_slugs_get_numeric_suffixes_when_the_name_is_taken()
    {
        var name = TestApi.Unique("Same Name");
        var first = await _admin.CreateAuthorAsync(name);
        var second = await _admin.CreateAuthorAsync(name);
        var third = await _admin.CreateAuthorAsync(name);
        var stem = (string)first["slug"]!;
        Assert.Equal([stem, stem + "-2", stem + "-3"], new[] { first, second, third }.Select(a => (string)a["slug"]!));
    }

    [Fact]
    public async Task An_explicit_taken_slug_returns_409_with_errors_slug_and_creates_nothing()
    {
        var slug = TestApi.Unique("taken");
        var secondName = TestApi.Unique("Second");
        await _admin.PostJsonAsync("/api/v1/authors", new { name = "First", slug }).ExpectAsync(HttpStatusCode.Created);

        var response = await _admin.PostJsonAsync("/api/v1/authors", new { name = secondName, slug });

        var problem = await response.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(409, (int)problem["status"]!);
        Assert.NotNull(problem["traceId"]);
        Assert.NotNull(problem["errors"]!["slug"]);
        Assert.Equal(1, await api.WithDbAsync(db => db.Authors.CountAsync(a => a.Slug == slug)));
        Assert.False(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Name == secondName)));
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"bio":"no name"}""", "name")]
    [InlineData("""{"name":"x","slug":"Not A Slug"}""", "slug")]
    [InlineData("""{"name":"x","website":"not a url"}""", "website")]
    [InlineData("""{"name":"x","website":"ftp://example.com/"}""", "website")]
    [InlineData("""{"name":"x","website":"/relative/path"}""", "website")]
    [InlineData("""{"name":"x","email":"not-an-email"}""", "email")]
    public async Task Invalid_fields_return_400_with_errors_per_field(string body, string field)
    {
        var response = await _admin.PostAsync("/api/v1/authors", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(problem["traceId"]);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task Invalid_website_and_email_are_both_reported_and_nothing_is_stored()
    {
        var name = TestApi.Unique("Invalid");
        var problem = await _admin.PostJsonAsync("/api/v1/authors", new { name, website = "example.com", email = "nope" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("website"), problem.ToJsonString());
        Assert.True(errors.ContainsKey("email"), problem.ToJsonString());
        Assert.False(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task A_name_over_200_characters_is_a_400()
    {
        var problem = await _admin.PostJsonAsync("/api/v1/authors", new { name = new string('a', 201) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
    }

    [Fact]
    public async Task Creating_needs_an_admin_key()
    {
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);
        var name = TestApi.Unique("Forbidden");

        var anonymous = await api.Anonymous().PostJsonAsync("/api/v1/authors", new { name }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(401, (int)anonymous["status"]!);
        var content = await api.WithKey(contentKey).PostJsonAsync("/api/v1/authors", new { name }).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(403, (int)content["status"]!);
        Assert.False(await api.WithDbAsync(db => db.Authors.AnyAsync(a => a.Name == name)));
    }
}
