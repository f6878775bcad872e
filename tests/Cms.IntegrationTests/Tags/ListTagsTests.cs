using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Tags;

public sealed class ListTagsTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Fact]
    public async Task Tags_created_by_post_writes_appear_in_the_list_with_their_post_count()
    {
        var prefix = TestApi.Unique("Implicit");
        var name = $"{prefix} Elections";
        await _admin.CreatePostAsync(new { title = "Vote", status = "published", tags = new[] { name } });
        await _admin.CreatePostAsync(new { title = "Vote again", status = "published", tags = new[] { name.ToUpperInvariant() } });

        var list = await api.Anonymous().GetAsync($"/api/v1/tags?q={prefix}").ExpectAsync(HttpStatusCode.OK);

        var tag = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal(name, (string)tag["name"]!);
        Assert.Equal($"{prefix.ToLowerInvariant()}-elections", (string)tag["slug"]!);
        Assert.Equal(2, (int)tag["postCount"]!);
        Assert.NotNull(tag["version"]);
    }

    [Fact]
    public async Task A_draft_post_counts_for_admins_but_not_for_readers()
    {
        var prefix = TestApi.Unique("Drafty");
        var published = $"{prefix} Published";
        var draftOnly = $"{prefix} Unreleased";
        await _admin.CreatePostAsync(new { title = "Out", status = "published", tags = new[] { published } });
        await _admin.CreatePostAsync(new { title = "Not yet", tags = new[] { published, draftOnly } });

        var forReaders = await api.Anonymous().GetAsync($"/api/v1/tags?q={prefix}").ExpectAsync(HttpStatusCode.OK);
        var forAdmins = await _admin.GetAsync($"/api/v1/tags?q={prefix}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([published, draftOnly], forReaders.Names());
        Assert.Equal([1, 0], forReaders["items"]!.AsArray().Select(t => (int)t!["postCount"]!));
        Assert.Equal([2, 1], forAdmins["items"]!.AsArray().Select(t => (int)t!["postCount"]!));
    }

    [Fact]
    public async Task Q_filters_by_a_case_insensitive_prefix_of_the_name()
    {
        var prefix = TestApi.Unique("Ärger");
        await _admin.PostJsonAsync("/api/v1/tags", new { name = $"{prefix} Im Büro", slug = TestApi.Unique("other") }).ExpectAsync(HttpStatusCode.Created);
        await _admin.CreateTagAsync($"Kein {prefix}");

        foreach (var q in new[] { prefix, prefix.ToUpperInvariant(), prefix.ToLowerInvariant() })
        {
            var list = await api.Anonymous().GetAsync($"/api/v1/tags?q={Uri.EscapeDataString(q)}").ExpectAsync(HttpStatusCode.OK);
            Assert.Equal([$"{prefix} Im Büro"], list.Names());
        }
    }

    [Fact]
    public async Task Tags_sort_by_name_and_by_post_count()
    {
        var prefix = TestApi.Unique("Sorted");
        string alpha = $"{prefix} Alpha", bravo = $"{prefix} Bravo", charlie = $"{prefix} Charlie";
        await _admin.CreateTagAsync(bravo);
        await _admin.CreatePostAsync(new { title = "One", status = "published", tags = new[] { charlie, alpha } });
        await _admin.CreatePostAsync(new { title = "Two", status = "published", tags = new[] { charlie } });

        var byName = await api.Anonymous().GetAsync($"/api/v1/tags?q={prefix}&sort=name").ExpectAsync(HttpStatusCode.OK);
        var byNameDescending = await api.Anonymous().GetAsync($"/api/v1/tags?q={prefix}&sort=-name").ExpectAsync(HttpStatusCode.OK);
        var byCount = await api.Anonymous().GetAsync($"/api/v1/tags?q={prefix}&sort=-postCount").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([alpha, bravo, charlie], byName.Names());
        Assert.Equal([charlie, bravo, alpha], byNameDescending.Names());
        Assert.Equal([charlie, alpha, bravo], byCount.Names());
        Assert.Equal([2, 1, 0], byCount["items"]!.AsArray().Select(t => (int)t!["postCount"]!));
    }

    [Fact]
    public async Task Paging_returns_the_envelope_and_link_header_for_the_page()
    {
        var prefix = TestApi.Unique("Paged");
        foreach (var name in new[] { "Charlie", "Alpha", "Bravo" }) await _admin.CreateTagAsync($"{prefix} {name}");

        var response = await api.Anonymous().GetAsync($"/api/v1/tags?q={prefix}&sort=name&pageSize=1&page=2");

        var page = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([$"{prefix} Bravo"], page.Names());
        var pagination = page["pagination"]!;
        Assert.Equal(2, (int)pagination["page"]!);
        Assert.Equal(1, (int)pagination["pageSize"]!);
        Assert.Equal(3, (int)pagination["total"]!);
        Assert.Equal(3, (int)pagination["totalPages"]!);
        var links = response.Links();
        Assert.Equal(["next", "prev"], links.Keys.Order());
        Assert.Equal([$"{prefix} Charlie"], (await api.Anonymous().GetAsync(links["next"]).ExpectAsync(HttpStatusCode.OK)).Names());
        Assert.Equal([$"{prefix} Alpha"], (await api.Anonymous().GetAsync(links["prev"]).ExpectAsync(HttpStatusCode.OK)).Names());
    }

    [Theory]
    [InlineData("sort=slug", "sort")]
    [InlineData("sort=tagCount", "sort")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=2147483647&pageSize=100", "page")]
    public async Task Invalid_list_parameters_return_400(string query, string field)
    {
        var problem = await api.Anonymous().GetAsync($"/api/v1/tags?{query}").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }
}
