using System.Net;
using System.Text.Json.Nodes;
using Cms.Application.Common;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Posts;

public sealed class ListPostsTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    private DateTimeOffset DaysAgo(int days) => api.Clock.GetUtcNow().AddDays(-days);

    private Task<JsonNode> PublishAsync(string title, int daysAgo, string tag, params string[] more) =>
        _admin.CreatePostAsync(new { title, status = "published", publishedAt = DaysAgo(daysAgo), tags = more.Prepend(tag).ToArray() });

    [Fact]
    public async Task The_default_list_shows_published_posts_newest_first_without_body()
    {
        var tag = TestApi.Unique("front");
        await PublishAsync("Older", 3, tag);
        await PublishAsync("Newest", 1, tag);
        await PublishAsync("Middle", 2, tag);
        await _admin.CreatePostAsync(new { title = "A draft", tags = new[] { tag } });
        await _admin.CreatePostAsync(new { title = "Scheduled", status = "published", publishedAt = DaysAgo(-1), tags = new[] { tag } });

        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["Newest", "Middle", "Older"], list["items"]!.AsArray().Select(i => (string)i!["title"]!));
        var first = list["items"]![0]!.AsObject();
        Assert.False(first.ContainsKey("body"));
        Assert.False(first.ContainsKey("html"));
        Assert.Equal((string)first["version"]!, first["version"]!.ToString());
        Assert.Equal(1, (int)list["pagination"]!["page"]!);
        Assert.Equal(20, (int)list["pagination"]!["pageSize"]!);
        Assert.Equal(3, (int)list["pagination"]!["total"]!);
        Assert.Equal(1, (int)list["pagination"]!["totalPages"]!);
    }

    [Fact]
    public async Task Paging_gives_the_envelope_and_link_headers()
    {
        var tag = TestApi.Unique("paged");
        for (var i = 1; i <= 5; i++) await PublishAsync($"Post {i}", i, tag);

        var response = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2&page=2");
        var list = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["Post 3", "Post 4"], list["items"]!.AsArray().Select(i => (string)i!["title"]!));
        Assert.Equal(5, (int)list["pagination"]!["total"]!);
        Assert.Equal(3, (int)list["pagination"]!["totalPages"]!);
        var link = string.Join(",", response.Headers.GetValues("Link"));
        Assert.Contains($"tag={tag}", link);
        Assert.Contains("page=3>; rel=\"next\"", link);
        Assert.Contains("page=1>; rel=\"prev\"", link);

        var last = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=2&page=3");
        Assert.DoesNotContain("rel=\"next\"", string.Join(",", last.Headers.TryGetValues("Link", out var v) ? v : []));
    }

    [Fact]
    public async Task Filters_match_any_value_within_and_all_filters_across()
    {
        var a = TestApi.Unique("alpha");
        var b = TestApi.Unique("beta");
        var author = await _admin.CreateAuthorAsync();
        var authorSlug = (string)author["slug"]!;
        var category = TestApi.Unique("Cat");
        await _admin.CreatePostAsync(new { title = "A only", status = "published", publishedAt = DaysAgo(1), tags = new[] { a } });
        await _admin.CreatePostAsync(new { title = "B by author", status = "published", publishedAt = DaysAgo(2), tags = new[] { b }, authors = new[] { authorSlug } });
        await _admin.CreatePostAsync(new { title = "A in category", status = "published", publishedAt = DaysAgo(3), tags = new[] { a }, categories = new[] { category } });

        string[] Titles(JsonNode list) => [.. list["items"]!.AsArray().Select(i => (string)i!["title"]!)];

        Assert.Equal(["A only", "B by author", "A in category"], Titles(await _reader.GetAsync($"/api/v1/posts?tag={a},{b}").ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal(["B by author"], Titles(await _reader.GetAsync($"/api/v1/posts?tag={a},{b}&author={authorSlug}").ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal(["A in category"], Titles(await _reader.GetAsync($"/api/v1/posts?tag={a}&category={category.ToLowerInvariant()}").ExpectAsync(HttpStatusCode.OK)));
        Assert.Equal(["A in category"], Titles(await _reader.GetAsync($"/api/v1/posts?category={category}").ExpectAsync(HttpStatusCode.OK)));
        Assert.Empty(Titles(await _reader.GetAsync($"/api/v1/posts?tag={b}&category={category}").ExpectAsync(HttpStatusCode.OK)));
        var counted = await _reader.GetAsync($"/api/v1/posts?tag={a},{b}&author={authorSlug}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)counted["pagination"]!["total"]!);
    }

    [Fact]
    public async Task Date_bounds_filter_on_published_at()
    {
        var tag = TestApi.Unique("dated");
        await PublishAsync("Ten days", 10, tag);
        await PublishAsync("Five days", 5, tag);
        await PublishAsync("One day", 1, tag);
        var after = Uri.EscapeDataString(DaysAgo(6).ToString("O"));
        var before = Uri.EscapeDataString(DaysAgo(2).ToString("O"));
        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}&publishedAfter={after}&publishedBefore={before}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Five days"], list["items"]!.AsArray().Select(i => (string)i!["title"]!));
    }

    [Theory]
    [InlineData("title", new[] { "Apple", "Banana", "Cherry" })]
    [InlineData("-title", new[] { "Cherry", "Banana", "Apple" })]
    [InlineData("publishedAt", new[] { "Banana", "Cherry", "Apple" })]
    [InlineData("-createdAt", new[] { "Apple", "Cherry", "Banana" })]
    public async Task Sort_orders_by_the_given_keys(string sort, string[] expected)
    {
        var tag = TestApi.Unique("sorted");
        foreach (var (title, daysAgo) in new[] { ("Banana", 3), ("Cherry", 2), ("Apple", 1) })
        {
            await PublishAsync(title, daysAgo, tag);
            api.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}&sort={sort}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(expected, list["items"]!.AsArray().Select(i => (string)i!["title"]!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&sort=title")]
    [InlineData("&sort=-createdAt")]
    [InlineData("&sort=publishedAt")]
    // Drafts have no publication date: first in the default order (nulls first descending), last ascending.
    [InlineData("&status=all")]
    [InlineData("&status=all&sort=publishedAt")]
    public async Task Offset_pages_skip_over_ids_alone_and_together_give_the_whole_list(string query)
    {
        var tag = TestApi.Unique("skip");
        foreach (var (title, daysAgo) in new[] { ("Delta", 4), ("Alpha", 7), ("Echo", 1), ("Charlie", 3), ("Golf", 6), ("Bravo", 2), ("Foxtrot", 5) })
        {
            await PublishAsync(title, daysAgo, tag);
            api.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        foreach (var title in new[] { "Draft one", "Draft two" }) await _admin.CreatePostAsync(new { title, tags = new[] { tag } });
        var client = query.Contains("status=all", StringComparison.Ordinal) ? _admin : _reader;
        var whole = (await client.GetAsync($"/api/v1/posts?tag={tag}{query}").ExpectAsync(HttpStatusCode.OK)).Slugs();

        var paged = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            api.Commands.Reset();
            paged.AddRange((await client.GetAsync($"/api/v1/posts?tag={tag}{query}&pageSize=2&page={page}").ExpectAsync(HttpStatusCode.OK)).Slugs());
            // Past the first page the skipped rows are ids only (an index-only scan in the default order); the page's
            // own rows are joined after them.
            var statement = api.Commands.Texts.Single(sql => sql.Contains("WITH p AS MATERIALIZED", StringComparison.Ordinal));
            Assert.Equal(page > 1, statement.Contains(") k\nJOIN posts p ON p.id = k.id", StringComparison.Ordinal));
        }
        Assert.Equal(client == _admin ? 9 : 7, whole.Length);
        Assert.Equal(whole, paged);
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=2147483647&pageSize=100", "page")]
    [InlineData("page=21474836&pageSize=100", "page")]
    [InlineData("page=2147483647&pageSize=100&q=word", "page")]
    [InlineData("page=2147483647&pageSize=100&tag=news", "page")]
    [InlineData("sort=popularity", "sort")]
    [InlineData("sort=title,title", "sort")]
    [InlineData("status=archived", "status")]
    public async Task Invalid_query_parameters_are_400_with_the_field(string query, string field)
    {
        var problem = await _reader.GetAsync($"/api/v1/posts?{query}").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&q=word")]
    [InlineData("&tag=news")]
    public async Task The_farthest_page_that_fits_is_an_empty_page_past_the_end(string filter)
    {
        // (21,474,835 - 1) × 100 rows skipped: the last offset that fits (PageRules.MaxOffset), far past any list.
        var list = await _reader.GetAsync($"/api/v1/posts?page=21474835&pageSize=100{filter}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(list["items"]!.AsArray());
        Assert.Equal(21474835, (int)list["pagination"]!["page"]!);
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("publishedAfter=yesterday")]
    public async Task Unparseable_query_values_are_400_problems(string query)
    {
        var problem = await _reader.GetAsync($"/api/v1/posts?{query}").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(400, (int)problem["status"]!);
    }

    [Fact]
    public async Task Unpublished_statuses_need_the_admin_scope()
    {
        var tag = TestApi.Unique("hidden");
        await _admin.CreatePostAsync(new { title = "Draft in list", tags = new[] { tag } });
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);

        await _reader.GetAsync($"/api/v1/posts?status=draft&tag={tag}").ExpectAsync(HttpStatusCode.Unauthorized);
        await api.WithKey(contentKey).GetAsync($"/api/v1/posts?status=all&tag={tag}").ExpectAsync(HttpStatusCode.Forbidden);
        var drafts = await _admin.GetAsync($"/api/v1/posts?status=draft&tag={tag}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Draft in list"], drafts["items"]!.AsArray().Select(i => (string)i!["title"]!));
        Assert.Equal("draft", (string)drafts["items"]![0]!["status"]!);
        var published = await _admin.GetAsync($"/api/v1/posts?tag={tag}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(published["items"]!.AsArray());
    }

    [Fact]
    public async Task A_list_of_100_posts_with_authors_and_tags_takes_a_bounded_number_of_statements()
    {
        var tag = TestApi.Unique("bulk");
        var first = await _admin.CreateAuthorAsync();
        var second = await _admin.CreateAuthorAsync();
        string[] authors = [(string)first["slug"]!, (string)second["slug"]!];
        for (var i = 0; i < 100; i++)
            await _admin.CreatePostAsync(new { title = $"Bulk {i}", status = "published", publishedAt = DaysAgo(1), authors, tags = new[] { tag, $"{tag}-x{i % 7}", $"{tag}-y{i % 3}" } });

        api.Commands.Reset();
        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=100").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(100, list["items"]!.AsArray().Count);
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal(2, i!["authors"]!.AsArray().Count));
        Assert.All(list["items"]!.AsArray(), i => Assert.Equal(3, i!["tags"]!.AsArray().Count));
        // One for the list ETag, one for the tag's id, one count, one page, one for both relations: never per post.
        // Plus, the first read after a write, the output cache's look at the next scheduled publication.
        Assert.InRange(api.Commands.Count, 1, 7);
    }

    [Fact]
    public async Task A_page_reads_its_posts_with_bylines_and_tags_in_order_in_one_statement()
    {
        var tag = TestApi.Unique("onestatement");
        var first = await _admin.CreateAuthorAsync();
        var second = await _admin.CreateAuthorAsync();
        var post = await _admin.CreatePostAsync(new
        {
            title = "One statement", status = "published", publishedAt = DaysAgo(1),
            authors = new[] { (string)second["slug"]!, (string)first["slug"]! }, tags = new[] { $"{tag}-b", tag, $"{tag}-a" },
        });
        await _reader.GetAsync($"/api/v1/posts?tag={tag}").ExpectAsync(HttpStatusCode.OK);

        api.Commands.Reset();
        // Another page size: not an answer the output cache holds, but the same total.
        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}&pageSize=10").ExpectAsync(HttpStatusCode.OK);
        var listStatements = api.Commands.Count;
        api.Commands.Reset();
        var single = await _reader.GetAsync($"/api/v1/posts/slug/{post["slug"]}").ExpectAsync(HttpStatusCode.OK);

        // The tag's id, then the page with its relations and the list's ETag (the total is remembered under the ETag).
        Assert.Equal(2, listStatements);
        Assert.Equal(1, api.Commands.Count);
        foreach (var read in new[] { list["items"]![0]!, single })
        {
            Assert.Equal([(string)second["slug"]!, (string)first["slug"]!], read["authors"]!.AsArray().Select(a => (string)a!["slug"]!));
            Assert.Equal([$"{tag}-b", tag, $"{tag}-a"], read["tags"]!.AsArray().Select(t => (string)t!["slug"]!));
        }
    }

    [Fact]
    public async Task Default_lists_tag_pages_and_post_reads_are_prepared_statements_and_value_dependent_lists_are_not()
    {
        var tag = TestApi.Unique("prepared");
        var first = await PublishAsync("Prepared first", 2, tag);
        // More runs than PostgreSQL's five before it may switch a prepared statement to its generic plan, each after
        // a write (which also empties the output cache, so the same URL reaches the database every time).
        for (var run = 1; run <= 8; run++)
        {
            var newest = await PublishAsync($"Prepared {run}", 0, tag);
            api.Commands.Reset();
            var page = await _reader.GetAsync("/api/v1/posts").ExpectAsync(HttpStatusCode.OK);
            var sql = api.Commands.Texts.Single(sql => sql.Contains("WITH p AS MATERIALIZED", StringComparison.Ordinal));
            Assert.StartsWith("/* prepared */", sql);
            // The limit is in the text (page size + 1), so that the generic plan knows it.
            Assert.Contains($"LIMIT {PageRules.DefaultPageSize + 1})", sql);
            // The newest post, written after the statement was prepared, is on the page.
            Assert.Contains(page["items"]!.AsArray(), i => (string)i!["slug"]! == (string)newest["slug"]!);

            // A tag's first page has the same plan for any tag (its newest links, then the posts by key): prepared too.
            api.Commands.Reset();
            var tagged = await _reader.GetAsync($"/api/v1/posts?tag={tag}").ExpectAsync(HttpStatusCode.OK);
            Assert.StartsWith("/* prepared */", api.Commands.Texts.Single(sql => sql.Contains("WITH p AS MATERIALIZED", StringComparison.Ordinal)));
            Assert.Contains(tagged["items"]!.AsArray(), i => (string)i!["slug"]! == (string)newest["slug"]!);
            Assert.Equal(run + 1, (int)tagged["pagination"]!["total"]!);
        }

        // Another page size is not prepared: each prepared text holds memory in every backend.
        api.Commands.Reset();
        var other = await _reader.GetAsync("/api/v1/posts?pageSize=7").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(7, other["items"]!.AsArray().Count);
        Assert.Contains(api.Commands.Texts, sql => sql.Contains("LIMIT 8)", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Commands.Texts, sql => sql.StartsWith("/* prepared */", StringComparison.Ordinal));

        api.Commands.Reset();
        await _reader.GetAsync($"/api/v1/posts/slug/{first["slug"]}").ExpectAsync(HttpStatusCode.OK);
        Assert.StartsWith("/* prepared */", Assert.Single(api.Commands.Texts));

        var since = Uri.EscapeDataString(DaysAgo(30).ToString("O"));
        foreach (var url in new[] { $"/api/v1/posts?tag={tag}&page=2&pageSize=5", $"/api/v1/posts?tag={tag}&publishedAfter={since}",
            $"/api/v1/posts?tag={tag}&category=news", "/api/v1/posts?q=prepared", "/api/v1/posts?fields=id,slug" })
        {
            api.Commands.Reset();
            await _reader.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
            Assert.DoesNotContain(api.Commands.Texts, sql => sql.StartsWith("/* prepared */", StringComparison.Ordinal) && sql.Contains("WITH p AS MATERIALIZED", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_list_answers_304_to_its_own_etag_until_a_post_changes()
    {
        var tag = TestApi.Unique("etagged");
        var post = await PublishAsync("Listed", 1, tag);
        var url = $"/api/v1/posts?tag={tag}";
        var first = await _reader.GetAsync(url);
        var etag = first.Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.NotModified, (await _reader.GetAsync(url, etag)).StatusCode);

        await _admin.PatchMergeAsync($"/api/v1/posts/{post["id"]}", new { title = "Renamed" }).ExpectAsync(HttpStatusCode.OK);
        var changed = await _reader.GetAsync(url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }
}
