using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Posts;

public sealed class CreatePostTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task Creating_a_post_returns_201_with_location_etag_and_stores_the_row()
    {
        var author = await _admin.CreateAuthorAsync();
        var response = await _admin.PostJsonAsync("/api/v1/posts", new
        {
            title = "Breaking: UK and France to send troops",
            excerpt = "The announcement was made in Paris.",
            body = "Experts revealed **today**.",
            status = "published",
            publishedAt = "2026-01-06T22:30:55+01:00",
            authors = new[] { (string)author["slug"]! },
            tags = new[] { "Ukraine", "world news" },
            categories = new[] { "News" },
            metadata = new { layout = "post", comments = true, weight = 3 },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var post = await response.JsonAsync();
        var id = Guid.Parse((string)post["id"]!);
        Assert.Equal(7, id.Version);
        Assert.Equal($"/api/v1/posts/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal($"\"{post["version"]}\"", response.Headers.ETag!.Tag);
        Assert.Equal("breaking-uk-and-france-to-send-troops", (string)post["slug"]!);
        Assert.Equal("published", (string)post["status"]!);
        Assert.Equal("2026-01-06T21:30:55Z", (string)post["publishedAt"]!);
        Assert.Equal("<p>Experts revealed <strong>today</strong>.</p>\n", (string)post["html"]!);
        Assert.Equal(["ukraine", "world-news"], post["tags"]!.AsArray().Select(t => (string)t!["slug"]!));
        Assert.Equal("world news", (string)post["tags"]![1]!["name"]!);
        Assert.Equal("News", (string)post["categories"]![0]!);
        Assert.Equal("""{"layout":"post","comments":true,"weight":3}""", post["metadata"]!.ToJsonString());
        Assert.Equal(1, (int)post["readingTimeMinutes"]!);
        Assert.EndsWith("Z", (string)post["createdAt"]!);

        var stored = await api.WithDbAsync(db => db.Posts.Include(p => p.Tags).SingleAsync(p => p.Id == id));
        Assert.Equal(PostStatus.Published, stored.Status);
        Assert.Equal(2, stored.Tags.Count);
        Assert.Equal(["news"], stored.CategorySlugs);
    }

    [Fact]
    public async Task A_unicode_title_gets_a_transliterated_stable_slug()
    {
        var first = await _admin.CreatePostAsync(new { title = "Café Ünïcode — 東京 2026" });
        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", (string)first["slug"]!);
        Assert.StartsWith("cafe-unicode-", (string)first["slug"]!);
        Assert.EndsWith("-2026", (string)first["slug"]!);
        var second = await _admin.CreatePostAsync(new { title = "Café Ünïcode — 東京 2026" });
        Assert.Equal((string)first["slug"]! + "-2", (string)second["slug"]!);
    }

    [Fact]
    public async Task Generated_slugs_get_numeric_suffixes_when_taken()
    {
        var title = TestApi.Unique("Same title");
        var slugs = new List<string>();
        for (var i = 0; i < 3; i++) slugs.Add((string)(await _admin.CreatePostAsync(new { title }))["slug"]!);
        var stem = slugs[0];
        Assert.Equal([stem, stem + "-2", stem + "-3"], slugs);
    }

    [Fact]
    public async Task Suffixes_go_on_past_the_first_look_up_and_fill_gaps_first()
    {
        // The free suffix is looked up 16 candidates at a time (UniqueSlugs): the 18th post needs a second look-up.
        var stem = TestApi.Unique("many").ToLowerInvariant();
        for (var n = 1; n <= 17; n++) await _admin.CreatePostAsync(new { title = "Many", slug = n == 1 ? stem : $"{stem}-{n}" });
        var eighteenth = await _admin.CreatePostAsync(new { title = stem });
        Assert.Equal(stem + "-18", (string)eighteenth["slug"]!);

        // A gap (the post with -5 is deleted) is the first free one.
        var fifth = await api.WithDbAsync(db => db.Posts.SingleAsync(p => p.Slug == stem + "-5"));
        await _admin.DeleteAsync($"/api/v1/posts/{fifth.Id}", null).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(stem + "-5", (string)(await _admin.CreatePostAsync(new { title = stem }))["slug"]!);
    }

    [Fact]
    public async Task Very_long_titles_still_get_distinct_suffixed_slugs()
    {
        var title = TestApi.Unique("long") + " " + string.Join(" ", Enumerable.Repeat("headline", 30));
        var slugs = new List<string>();
        for (var i = 0; i < 3; i++) slugs.Add((string)(await _admin.CreatePostAsync(new { title }))["slug"]!);
        Assert.Equal([slugs[0], slugs[0] + "-2", slugs[0] + "-3"], slugs);
        Assert.All(slugs, s => Assert.InRange(s.Length, 1, 200));
    }

    [Fact]
    public async Task An_explicit_taken_slug_returns_409_and_creates_nothing()
    {
        var slug = TestApi.Unique("taken");
        await _admin.CreatePostAsync(new { title = "First", slug });
        var problem = await _admin.PostJsonAsync("/api/v1/posts", new { title = "Second", slug }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(409, (int)problem["status"]!);
        Assert.NotNull(problem["errors"]!["slug"]);
        Assert.Equal(1, await api.WithDbAsync(db => db.Posts.CountAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task An_unknown_author_returns_400_and_creates_nothing()
    {
        var title = TestApi.Unique("Orphan");
        var tag = TestApi.Unique("never-created");
        var problem = await _admin.PostJsonAsync("/api/v1/posts", new { title, authors = new[] { "nobody-here" }, tags = new[] { tag } })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nobody-here", (string)problem["errors"]!["authors"]![0]!);
        Assert.False(await api.WithDbAsync(db => db.Posts.AnyAsync(p => p.Title == title)));
        Assert.False(await api.WithDbAsync(db => db.Tags.AnyAsync(t => t.Slug == tag)));
    }

    [Fact]
    public async Task Tags_given_by_name_or_slug_reuse_the_same_tag()
    {
        var name = TestApi.Unique("Leap Year");
        var first = await _admin.CreatePostAsync(new { title = "One", tags = new[] { name } });
        var slug = (string)first["tags"]![0]!["slug"]!;
        var second = await _admin.CreatePostAsync(new { title = "Two", tags = new[] { slug, name.ToUpperInvariant() } });
        Assert.Single(second["tags"]!.AsArray());
        Assert.Equal((string)first["tags"]![0]!["id"]!, (string)second["tags"]![0]!["id"]!);
        Assert.Equal(1, await api.WithDbAsync(db => db.Tags.CountAsync(t => t.Slug == slug)));
    }

    [Theory]
    [InlineData("""{"title":""}""", "title")]
    [InlineData("""{"body":"no title"}""", "title")]
    [InlineData("""{"title":"x","slug":"Not A Slug"}""", "slug")]
    [InlineData("""{"title":"x","status":"scheduled"}""", "publishedAt")]
    [InlineData("""{"title":"x","status":"scheduled","publishedAt":"2001-01-01T00:00:00Z"}""", "publishedAt")]
    [InlineData("""{"title":"x","categories":[""]}""", "categories[0]")]
    public async Task Invalid_fields_return_400_with_errors_per_field(string body, string field)
    {
        var response = await _admin.PostAsync("/api/v1/posts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Task.FromResult(response).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(problem["traceId"]);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task A_title_over_300_characters_is_a_400()
    {
        var problem = await _admin.PostJsonAsync("/api/v1/posts", new { title = new string('a', 301) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["title"]);
    }

    [Theory]
    [InlineData("""{"title":""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"title": 5}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""[1,2]""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""title=x""", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task Malformed_bodies_get_a_problem_response_not_a_500(string body, string contentType, HttpStatusCode expected)
    {
        var response = await _admin.PostAsync("/api/v1/posts", new StringContent(body, System.Text.Encoding.UTF8, contentType));
        var problem = await Task.FromResult(response).ExpectAsync(expected);
        Assert.Equal((int)expected, (int)problem["status"]!);
        Assert.NotNull(problem["traceId"]);
        Assert.DoesNotContain("Exception", problem.ToJsonString());
    }

    [Fact]
    public async Task Script_and_event_handlers_in_the_body_never_reach_html()
    {
        var post = await _admin.CreatePostAsync(new
        {
            title = "XSS",
            body = "Hello <script>alert('x')</script>\n\n<img src=\"a.png\" onerror=\"alert(1)\">\n\n[link](javascript:alert(1))",
        });
        var html = (string)post["html"]!;
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<img src=\"a.png\">", html);
        Assert.Contains("<script>", (string)post["body"]!);
    }

    [Fact]
    public async Task Reading_time_follows_the_length_of_the_body()
    {
        var body = string.Join(' ', Enumerable.Repeat("word", 1000));
        var post = await _admin.CreatePostAsync(new { title = "Long read", body });
        Assert.Equal(5, (int)post["readingTimeMinutes"]!);
    }

    [Fact]
    public async Task Writes_need_an_admin_key()
    {
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);
        var title = TestApi.Unique("Forbidden");
        var anonymous = await api.Anonymous().PostJsonAsync("/api/v1/posts", new { title }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(401, (int)anonymous["status"]!);
        await api.WithKey(contentKey).PostJsonAsync("/api/v1/posts", new { title }).ExpectAsync(HttpStatusCode.Forbidden);
        await api.WithKey("cms_not-a-real-key").PostJsonAsync("/api/v1/posts", new { title }).ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.False(await api.WithDbAsync(db => db.Posts.AnyAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task The_key_can_also_come_in_the_X_Api_Key_header()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", api.AdminKey);
        await client.PostJsonAsync("/api/v1/posts", new { title = "Via header" }).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Posts_created_at_the_same_time_with_the_same_new_tag_all_succeed_and_share_one_tag()
    {
        var tag = TestApi.Unique("racing");
        // Sixteen writers at once, each naming a tag that does not exist yet: each finds it missing and adds it,
        // and all but the first insert break the unique slug. Each must still get its 201.
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            _admin.PostJsonAsync("/api/v1/posts", new { title = $"Racing {i}", status = "published", body = "x", tags = new[] { tag } })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, await api.WithDbAsync(db => db.Tags.CountAsync(t => t.Slug == tag)));
        Assert.Equal(16, await api.WithDbAsync(db => db.Posts.CountAsync(p => p.Tags.Any(t => t.Tag.Slug == tag))));
    }
}
