using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Queries;

public sealed class SparseFieldsTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    [Fact]
    public async Task A_list_returns_exactly_the_fields_asked_for()
    {
        var tag = TestApi.Unique("sparse");
        await _admin.CreatePostAsync(new { title = "Sparse", body = "Body text", status = "published", tags = new[] { tag } });

        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}&fields=id,slug,title,publishedAt").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["id", "slug", "title", "publishedAt"], list["items"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Lists_read_body_and_html_only_when_asked_for()
    {
        var tag = TestApi.Unique("heavy");
        await _admin.CreatePostAsync(new { title = "Heavy", body = "**Body**", status = "published", tags = new[] { tag } });

        api.Commands.Reset();
        var lean = await _reader.GetAsync($"/api/v1/posts?tag={tag}").ExpectAsync(HttpStatusCode.OK);
        Assert.False(lean["items"]![0]!.AsObject().ContainsKey("body"));
        Assert.DoesNotContain(api.Commands.Texts, sql => sql.Contains(".body", StringComparison.Ordinal) || sql.Contains(".html", StringComparison.Ordinal));

        var full = await _reader.GetAsync($"/api/v1/posts?tag={tag}&fields=title,body,html,authors").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("**Body**", (string)full["items"]![0]!["body"]!);
        Assert.Equal("<p><strong>Body</strong></p>\n", (string)full["items"]![0]!["html"]!);
        Assert.Empty(full["items"]![0]!["authors"]!.AsArray());
    }

    [Fact]
    public async Task Without_relations_in_fields_their_queries_are_not_run()
    {
        var tag = TestApi.Unique("norel");
        await _admin.CreatePostAsync(new { title = "No relations", status = "published", tags = new[] { tag } });
        api.Commands.Reset();
        await _reader.GetAsync($"/api/v1/posts?tag={tag}&fields=id,title").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(api.Commands.Texts, sql => sql.Contains("JOIN authors", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/api/v1/posts?fields=id,password")]
    [InlineData("/api/v1/authors?fields=name,salary")]
    [InlineData("/api/v1/tags?fields=colour")]
    public async Task An_unknown_field_is_a_400_listing_the_allowed_ones(string url)
    {
        var problem = await _reader.GetAsync(url).ExpectAsync(HttpStatusCode.BadRequest);
        var message = (string)problem["errors"]!["fields"]![0]!;
        Assert.Contains("id", message);
        Assert.Contains("slug", message);
    }

    [Fact]
    public async Task A_single_post_accepts_fields_too()
    {
        var post = await _admin.CreatePostAsync(new { title = "Single", body = "text", status = "published" });
        var sparse = await _reader.GetAsync($"/api/v1/posts/slug/{post["slug"]}?fields=title,html").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["title", "html"], sparse.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Authors_and_tags_accept_fields_and_readers_never_get_an_email()
    {
        var name = TestApi.Unique("Fielded");
        await _admin.PostJsonAsync("/api/v1/authors", new { name, email = "a@example.com" }).ExpectAsync(HttpStatusCode.Created);

        var forReader = await _reader.GetAsync($"/api/v1/authors?q={name}&fields=name,email").ExpectAsync(HttpStatusCode.OK);
        var forAdmin = await _admin.GetAsync($"/api/v1/authors?q={name}&fields=name,email").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["name"], forReader["items"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal("a@example.com", (string)forAdmin["items"]![0]!["email"]!);
        var tags = await _reader.GetAsync("/api/v1/tags?fields=slug").ExpectAsync(HttpStatusCode.OK);
        Assert.All(tags["items"]!.AsArray(), t => Assert.Equal(["slug"], t!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task A_sparse_single_read_still_has_the_real_etag()
    {
        var created = await _admin.PostJsonAsync("/api/v1/posts", new { title = "ETag kept", status = "published" });
        var post = await Task.FromResult(created).ExpectAsync(HttpStatusCode.Created);
        var sparse = await _reader.GetAsync($"/api/v1/posts/{post["id"]}?fields=title");
        Assert.Equal(created.Headers.ETag!.Tag, sparse.Headers.ETag!.Tag);
        var author = await _admin.CreateAuthorAsync();
        var sparseAuthor = await _reader.GetAsync($"/api/v1/authors/{author["id"]}?fields=name");
        // Without postCount in the response, the version is the row's alone (see CountedVersion).
        Assert.Equal($"\"{((string)author["version"]!).Split('.')[0]}\"", sparseAuthor.Headers.ETag!.Tag);
    }
}
