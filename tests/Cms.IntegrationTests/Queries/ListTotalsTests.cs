using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Queries;

/// <summary>pagination.total is counted once per state of the content, and is never stale.</summary>
public sealed class ListTotalsTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    private static bool IsCount(string sql) => sql.Contains("count(*)", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task The_next_pages_of_a_list_are_not_counted_again()
    {
        var tag = TestApi.Unique("paged");
        for (var i = 0; i < 3; i++) await _admin.CreatePostAsync(new { title = $"Paged {i}", status = "published", tags = new[] { tag } });

        var first = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2").ExpectAsync(HttpStatusCode.OK);
        api.Commands.Reset();
        var second = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2&cursor={Uri.EscapeDataString((string)first["pagination"]!["nextCursor"]!)}")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(3, (int)first["pagination"]!["total"]!);
        Assert.Equal(3, (int)second["pagination"]!["total"]!);
        Assert.Single(second["items"]!.AsArray());
        Assert.DoesNotContain(api.Commands.Texts, IsCount);
        // The tag's id, and the page with its bylines, tags and the list's ETag: two statements.
        Assert.Equal(2, api.Commands.Count);
    }

    [Fact]
    public async Task A_write_or_a_scheduled_post_coming_due_is_counted_at_once()
    {
        var tag = TestApi.Unique("counted");
        var url = $"/api/v1/posts?tag={tag}";
        var post = await _admin.CreatePostAsync(new { title = "Counted", status = "published", tags = new[] { tag } });
        await _admin.CreatePostAsync(new { title = "Due later", status = "published", tags = new[] { tag }, publishedAt = api.Clock.GetUtcNow().AddMinutes(10) });
        Assert.Equal(1, await TotalAsync(url));

        await _admin.CreatePostAsync(new { title = "Counted too", status = "published", tags = new[] { tag } });
        Assert.Equal(2, await TotalAsync(url));

        api.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(3, await TotalAsync(url));

        await _admin.DeleteAsync($"/api/v1/posts/{post["id"]}", null).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(2, await TotalAsync(url));
    }

    [Fact]
    public async Task Lists_with_other_filters_or_for_admins_have_their_own_totals()
    {
        var tag = TestApi.Unique("own");
        await _admin.CreatePostAsync(new { title = "Own published", status = "published", tags = new[] { tag } });
        await _admin.CreatePostAsync(new { title = "Own draft", status = "draft", tags = new[] { tag } });

        Assert.Equal(1, await TotalAsync($"/api/v1/posts?tag={tag}"));
        Assert.Equal(1, await TotalAsync($"/api/v1/posts?tag={tag}&status=draft", _admin));
        Assert.Equal(2, await TotalAsync($"/api/v1/posts?tag={tag}&status=all", _admin));
        Assert.Equal(0, await TotalAsync($"/api/v1/posts?tag={tag}&q=nowhere"));
    }

    private async Task<int> TotalAsync(string url, HttpClient? client = null) =>
        (int)(await (client ?? _reader).GetAsync(url).ExpectAsync(HttpStatusCode.OK))["pagination"]!["total"]!;
}
