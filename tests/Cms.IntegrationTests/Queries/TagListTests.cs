using System.Net;
using System.Text.Json.Nodes;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Queries;

/// <summary>
/// Lists filtered by tags alone start from the tags' newest links (post_tags' copy of the publication date):
/// every page, every date bound and every cursor must still be exactly the list that the posts say.
/// </summary>
public sealed class TagListTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    private DateTimeOffset HoursAgo(double hours) => api.Clock.GetUtcNow().AddHours(-hours);

    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static string[] Titles(JsonNode list) => [.. list["items"]!.AsArray().Select(i => (string)i!["title"]!)];

    /// <summary>30 published posts, post i published i hours ago: tags a and b, a, b in turn; and posts no list may show.</summary>
    private async Task<(string A, string B, string[] Newest)> SeedAsync()
    {
        var a = TestApi.Unique("alpha");
        var b = TestApi.Unique("beta");
        var titles = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            string[] tags = (i % 3) switch { 0 => [a, b], 1 => [a], _ => [b] };
            await _admin.CreatePostAsync(new { title = $"Post {i:D2}", status = "published", publishedAt = HoursAgo(i + 0.5), tags });
            titles.Add($"Post {i:D2}");
        }
        await _admin.CreatePostAsync(new { title = "Draft", tags = new[] { a, b } });
        await _admin.CreatePostAsync(new { title = "Scheduled", status = "published", publishedAt = HoursAgo(-5), tags = new[] { a } });
        await _admin.CreatePostAsync(new { title = "Other tag", status = "published", publishedAt = HoursAgo(0.1), tags = new[] { TestApi.Unique("other") } });
        return (a, b, [.. titles]);
    }

    [Fact]
    public async Task Offset_pages_cursor_walks_and_date_bounds_of_tag_lists_are_the_posts_own_order()
    {
        var (a, b, newest) = await SeedAsync();
        var onlyA = newest.Where((_, i) => i % 3 != 2).ToArray();

        // Offset pages deep into the list, and one past its end.
        var paged = new List<string>();
        for (var page = 1; page <= 8; page++)
            paged.AddRange(Titles(await _reader.GetAsync($"/api/v1/posts?tag={a},{b}&pageSize=4&page={page}").ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal(newest, paged);
        Assert.Equal(["Post 28", "Post 29"], Titles(await _reader.GetAsync($"/api/v1/posts?tag={a},{b}&pageSize=7&page=5").ExpectAsync(HttpStatusCode.OK)));

        // A cursor walk: each post once (a post with both tags is one item), none skipped.
        var walked = new List<string>();
        var url = $"/api/v1/posts?tag={a},{b}&pageSize=4";
        var list = await _reader.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        walked.AddRange(Titles(list));
        while ((string?)list["pagination"]!["nextCursor"] is { } next)
        {
            list = await _reader.GetAsync($"{url}&cursor={Uri.EscapeDataString(next)}").ExpectAsync(HttpStatusCode.OK);
            walked.AddRange(Titles(list));
        }
        Assert.Equal(newest, walked);
        Assert.Equal(30, (int)list["pagination"]!["total"]!);

        // Date bounds far below the tag's newest posts: the page is found past them.
        Assert.Equal(onlyA.Where(t => int.Parse(t[5..]) >= 20).Take(3),
            Titles(await _reader.GetAsync($"/api/v1/posts?tag={a}&pageSize=3&publishedBefore={Q(HoursAgo(20))}").ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal(["Post 21", "Post 22", "Post 24"],
            Titles(await _reader.GetAsync($"/api/v1/posts?tag={a}&pageSize=3&publishedAfter={Q(HoursAgo(26))}&publishedBefore={Q(HoursAgo(21))}").ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal(["Post 25", "Post 26", "Post 27"],
            Titles(await _reader.GetAsync($"/api/v1/posts?tag={a},{b}&sort=-publishedAt&pageSize=3&page=1&publishedBefore={Q(HoursAgo(25))}").ExpectAsync(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task A_tag_link_follows_its_posts_publication_through_every_write()
    {
        var tag = TestApi.Unique("follow");
        var other = TestApi.Unique("follow-other");
        var published = HoursAgo(3);
        var post = await _admin.CreatePostAsync(new { title = "Followed", status = "published", publishedAt = published, tags = new[] { tag } });
        var id = (Guid)post["id"]!;

        async Task<DateTimeOffset?[]> LinkDatesAsync() => await api.WithDbAsync(db =>
            db.Database.SqlQuery<DateTimeOffset?>($"SELECT post_published_at AS \"Value\" FROM post_tags WHERE post_id = {id} ORDER BY position").ToArrayAsync());
        async Task<string[]> ListedAsync() => Titles(await _reader.GetAsync($"/api/v1/posts?tag={tag}").ExpectAsync(HttpStatusCode.OK));

        Assert.Equal([published], await LinkDatesAsync());
        Assert.Equal(["Followed"], await ListedAsync());

        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { status = "draft" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([null], await LinkDatesAsync());
        Assert.Empty(await ListedAsync());

        // Published again at another date, with one more tag (a new link takes the date too).
        var republished = HoursAgo(1);
        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { status = "published", publishedAt = republished, tags = new[] { tag, other } })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([republished, republished], await LinkDatesAsync());
        Assert.Equal(["Followed"], await ListedAsync());

        // Scheduled: the link has the future date, and the list shows it only when its time has come.
        var scheduled = HoursAgo(-2);
        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { publishedAt = scheduled }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([scheduled, scheduled], await LinkDatesAsync());
        Assert.Empty(await ListedAsync());
        api.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(["Followed"], await ListedAsync());

        // A link written by hand takes its post's date whatever it is given.
        await api.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE post_tags SET post_published_at = now() - interval '1 year' WHERE post_id = {id}"));
        Assert.Equal([scheduled, scheduled], await LinkDatesAsync());

        await _admin.DeleteAsync($"/api/v1/posts/{id}", null).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Empty(await LinkDatesAsync());
    }
}
