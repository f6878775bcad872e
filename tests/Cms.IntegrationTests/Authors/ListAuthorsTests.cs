using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Authors;

public sealed class ListAuthorsTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    /// <summary>Three authors whose names start with one unique prefix, created out of alphabetical order.</summary>
    private async Task<string> CreateThreeAsync()
    {
        var prefix = TestApi.Unique("List");
        foreach (var name in new[] { "Charlie", "Alpha", "Bravo" }) await _admin.CreateAuthorAsync($"{prefix} {name}");
        return prefix;
    }

    [Fact]
    public async Task Q_filters_by_a_case_insensitive_prefix_of_the_name()
    {
        var prefix = TestApi.Unique("Élodie");
        var slugless = TestApi.Unique("other");
        await _admin.PostJsonAsync("/api/v1/authors", new { name = $"{prefix} Dupont", slug = slugless }).ExpectAsync(HttpStatusCode.Created);
        await _admin.CreateAuthorAsync($"Not {prefix}");

        foreach (var q in new[] { prefix, prefix.ToUpperInvariant(), prefix.ToLowerInvariant() })
        {
            var list = await api.Anonymous().GetAsync($"/api/v1/authors?q={Uri.EscapeDataString(q)}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal([$"{prefix} Dupont"], list.Names());
            Assert.Equal(1, (int)list["pagination"]!["total"]!);
        }
    }

    [Fact]
    public async Task Q_also_matches_a_prefix_of_the_slug()
    {
        var slug = TestApi.Unique("pen-name");
        await _admin.PostJsonAsync("/api/v1/authors", new { name = "Someone Else", slug }).ExpectAsync(HttpStatusCode.Created);

        var list = await api.Anonymous().GetAsync($"/api/v1/authors?q={slug.ToUpperInvariant()}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([slug], list.Slugs());
    }

    [Fact]
    public async Task Authors_are_sorted_by_name_by_default_and_on_request()
    {
        var prefix = await CreateThreeAsync();
        string[] ascending = [$"{prefix} Alpha", $"{prefix} Bravo", $"{prefix} Charlie"];

        var byDefault = await _admin.GetAsync($"/api/v1/authors?q={prefix}").ExpectAsync(HttpStatusCode.OK);
        var byName = await _admin.GetAsync($"/api/v1/authors?q={prefix}&sort=name").ExpectAsync(HttpStatusCode.OK);
        var byNameDescending = await _admin.GetAsync($"/api/v1/authors?q={prefix}&sort=-name").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(ascending, byDefault.Names());
        Assert.Equal(ascending, byName.Names());
        Assert.Equal(ascending.Reverse(), byNameDescending.Names());
    }

    [Fact]
    public async Task Sorting_by_descending_post_count_puts_the_busiest_author_first()
    {
        var prefix = TestApi.Unique("Busy");
        var quiet = await _admin.CreateAuthorAsync($"{prefix} Quiet");
        var busy = await _admin.CreateAuthorAsync($"{prefix} Busy");
        var middle = await _admin.CreateAuthorAsync($"{prefix} Middle");
        foreach (var (author, posts) in new[] { (busy, 3), (middle, 1) })
        {
            for (var i = 0; i < posts; i++)
                await _admin.CreatePostAsync(new { title = $"Post {i}", status = "published", authors = new[] { (string)author["slug"]! } });
        }

        var descending = await api.Anonymous().GetAsync($"/api/v1/authors?q={prefix}&sort=-postCount").ExpectAsync(HttpStatusCode.OK);
        var ascending = await api.Anonymous().GetAsync($"/api/v1/authors?q={prefix}&sort=postCount").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([(string)busy["slug"]!, (string)middle["slug"]!, (string)quiet["slug"]!], descending.Slugs());
        Assert.Equal([3, 1, 0], descending["items"]!.AsArray().Select(a => (int)a!["postCount"]!));
        Assert.Equal([(string)quiet["slug"]!, (string)middle["slug"]!, (string)busy["slug"]!], ascending.Slugs());
    }

    [Fact]
    public async Task Post_count_in_the_list_counts_published_posts_for_readers_and_all_for_admins()
    {
        var author = await _admin.CreateAuthorAsync();
        string[] byline = [(string)author["slug"]!];
        await _admin.CreatePostAsync(new { title = "Out", status = "published", authors = byline });
        await _admin.CreatePostAsync(new { title = "Draft", authors = byline });
        await _admin.CreatePostAsync(new { title = "Later", status = "published", publishedAt = api.Clock.GetUtcNow().AddHours(1), authors = byline });

        var forReaders = await api.Anonymous().GetAsync($"/api/v1/authors?q={author["slug"]}").ExpectAsync(HttpStatusCode.OK);
        var forAdmins = await _admin.GetAsync($"/api/v1/authors?q={author["slug"]}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(1, (int)forReaders["items"]![0]!["postCount"]!);
        Assert.Equal(3, (int)forAdmins["items"]![0]!["postCount"]!);
    }

    [Fact]
    public async Task Paging_returns_the_envelope_and_link_header_for_the_page()
    {
        var prefix = await CreateThreeAsync();

        var response = await api.Anonymous().GetAsync($"/api/v1/authors?q={prefix}&sort=name&pageSize=1&page=2");

        var page = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([$"{prefix} Bravo"], page.Names());
        var pagination = page["pagination"]!;
        Assert.Equal(2, (int)pagination["page"]!);
        Assert.Equal(1, (int)pagination["pageSize"]!);
        Assert.Equal(3, (int)pagination["total"]!);
        Assert.Equal(3, (int)pagination["totalPages"]!);

        var links = response.Links();
        Assert.Equal(["next", "prev"], links.Keys.Order());
        var next = await api.Anonymous().GetAsync(links["next"]).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([$"{prefix} Charlie"], next.Names());
        Assert.Equal(3, (int)next["pagination"]!["page"]!);
        var prev = await api.Anonymous().GetAsync(links["prev"]).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([$"{prefix} Alpha"], prev.Names());
        Assert.Equal(1, (int)prev["pagination"]!["page"]!);
    }

    [Fact]
    public async Task The_first_page_has_no_prev_link_and_the_last_no_next_link()
    {
        var prefix = await CreateThreeAsync();

        var first = await api.Anonymous().GetAsync($"/api/v1/authors?q={prefix}&pageSize=2");
        var last = await api.Anonymous().GetAsync($"/api/v1/authors?q={prefix}&pageSize=2&page=2");

        Assert.Equal(["next"], first.Links().Keys);
        Assert.Equal(["prev"], last.Links().Keys);
        Assert.Equal(2, (await last.ExpectAsync(HttpStatusCode.OK))["pagination"]!["totalPages"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("sort=title", "sort")]
    [InlineData("sort=authorCount", "sort")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=2147483647&pageSize=100", "page")]
    public async Task Invalid_list_parameters_return_400(string query, string field)
    {
        var response = await api.Anonymous().GetAsync($"/api/v1/authors?{query}");

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task A_page_size_of_100_is_allowed()
    {
        var prefix = await CreateThreeAsync();
        var page = await api.Anonymous().GetAsync($"/api/v1/authors?q={prefix}&pageSize=100").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(100, (int)page["pagination"]!["pageSize"]!);
        Assert.Equal(3, page.Names().Length);
    }
}
