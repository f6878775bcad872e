using System.Net;
using System.Text.Json.Nodes;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Queries;

public sealed class CursorPagingTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    private async Task<List<string>> SeedAsync(string tag, int count, bool sameTime = false)
    {
        var ids = new List<string>();
        var start = api.Clock.GetUtcNow().AddDays(-1);
        for (var i = 0; i < count; i++)
        {
            var post = await _admin.CreatePostAsync(new
            {
                title = $"Post {(char)('A' + i % 26)}{i:D3}", body = i % 3 == 0 ? "cursor cursor cursor" : "a cursor", status = "published",
                publishedAt = sameTime ? start : start.AddMinutes(-i), tags = new[] { tag },
            });
            ids.Add((string)post["id"]!);
            api.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        return ids;
    }

    /// <summary>Follows nextCursor to the end; optionally does something between pages.</summary>
    private async Task<List<string>> WalkAsync(string firstUrl, Func<int, Task>? betweenPages = null)
    {
        var seen = new List<string>();
        var url = firstUrl;
        for (var page = 1; page < 100; page++)
        {
            var response = await _reader.GetAsync(url);
            var list = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);
            seen.AddRange(list["items"]!.AsArray().Select(i => (string)i!["id"]!));
            Assert.Equal(page, (int)list["pagination"]!["page"]!);
            var next = (string?)list["pagination"]!["nextCursor"];
            if (next is null)
            {
                Assert.False(response.Headers.Contains("Link") && string.Join(",", response.Headers.GetValues("Link")).Contains("next"));
                return seen;
            }
            if (url.Contains("cursor="))
            {
                var link = string.Join(",", response.Headers.GetValues("Link"));
                Assert.Contains("rel=\"next\"", link);
                Assert.Contains(Uri.EscapeDataString(next), link);
            }
            if (betweenPages is not null) await betweenPages(page);
            url = firstUrl + "&cursor=" + Uri.EscapeDataString(next);
        }
        throw new InvalidOperationException("too many pages");
    }

    [Theory]
    [InlineData("")]
    [InlineData("&sort=title")]
    [InlineData("&sort=-title")]
    [InlineData("&sort=-updatedAt")]
    [InlineData("&sort=createdAt,-title")]
    [InlineData("&q=cursor")]
    [InlineData("&q=cursor&sort=publishedAt")]
    public async Task Walking_every_page_gives_each_post_exactly_once_in_order(string query)
    {
        var tag = TestApi.Unique("walk");
        var ids = await SeedAsync(tag, 23);
        var baseUrl = $"/api/v1/posts?tag={tag}&pageSize=5{query}";

        var walked = await WalkAsync(baseUrl);

        Assert.Equal(ids.Order(), walked.Order());
        var all = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=100{query}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(all["items"]!.AsArray().Select(i => (string)i!["id"]!), walked);
    }

    [Fact]
    public async Task Posts_with_equal_sort_values_are_neither_repeated_nor_skipped()
    {
        var tag = TestApi.Unique("ties");
        var ids = await SeedAsync(tag, 12, sameTime: true);
        Assert.Equal(ids.Order(), (await WalkAsync($"/api/v1/posts?tag={tag}&pageSize=5")).Order());
    }

    [Fact]
    public async Task Posts_published_during_the_walk_do_not_disturb_it()
    {
        var tag = TestApi.Unique("live");
        var ids = await SeedAsync(tag, 15);
        var walked = await WalkAsync($"/api/v1/posts?tag={tag}&pageSize=4", async _ =>
            await _admin.CreatePostAsync(new { title = "Breaking", status = "published", tags = new[] { tag } }));
        Assert.Equal(ids.Order(), walked.Order());
    }

    [Fact]
    public async Task A_deep_cursor_page_does_not_use_offset()
    {
        var tag = TestApi.Unique("deep");
        await SeedAsync(tag, 6);
        var first = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2").ExpectAsync(HttpStatusCode.OK);
        api.Commands.Reset();
        await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2&cursor={Uri.EscapeDataString((string)first["pagination"]!["nextCursor"]!)}")
            .ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(api.Commands.Texts, sql => sql.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Altered_foreign_or_malformed_cursors_are_400s()
    {
        var tag = TestApi.Unique("tamper");
        await SeedAsync(tag, 4);
        var first = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2").ExpectAsync(HttpStatusCode.OK);
        var cursor = (string)first["pagination"]!["nextCursor"]!;
        var altered = (cursor[0] == 'e' ? 'f' : 'e') + cursor[1..];

        foreach (var url in new[]
        {
            $"/api/v1/posts?tag={tag}&pageSize=2&cursor={Uri.EscapeDataString(altered)}",
            $"/api/v1/posts?tag={tag}&pageSize=2&cursor=not-a-cursor",
            $"/api/v1/posts?tag={tag}&pageSize=2&cursor=%%%%.%%%",
            $"/api/v1/posts?tag={tag}&pageSize=3&cursor={Uri.EscapeDataString(cursor)}",
            $"/api/v1/posts?tag={tag}&pageSize=2&sort=title&cursor={Uri.EscapeDataString(cursor)}",
            $"/api/v1/posts?pageSize=2&cursor={Uri.EscapeDataString(cursor)}",
        })
        {
            var problem = await _reader.GetAsync(url).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["cursor"]);
        }
        var both = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2&page=2&cursor={Uri.EscapeDataString(cursor)}").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(both["errors"]!["page"]);
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor()
    {
        var tag = TestApi.Unique("end");
        await SeedAsync(tag, 2);
        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2").ExpectAsync(HttpStatusCode.OK);
        Assert.Null(list["pagination"]!["nextCursor"]);
    }
}
