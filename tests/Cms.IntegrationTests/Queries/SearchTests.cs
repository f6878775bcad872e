using System.Net;
using System.Text.Json.Nodes;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.IntegrationTests.Queries;

public sealed class SearchTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    private Task<JsonNode> PublishAsync(string title, string body, string tag, string? excerpt = null, int daysAgo = 1) =>
        _admin.CreatePostAsync(new { title, body, excerpt, status = "published", publishedAt = api.Clock.GetUtcNow().AddDays(-daysAgo), tags = new[] { tag } });

    private async Task<string[]> TitlesAsync(string query) =>
        [.. (await _reader.GetAsync(query).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(i => (string)i!["title"]!)];

    [Fact]
    public async Task Search_finds_words_in_title_excerpt_and_body_with_stemming()
    {
        var tag = TestApi.Unique("fts");
        await PublishAsync("Peace treaty signed", "Nothing else.", tag);
        await PublishAsync("Quiet day", "The treaties were discussed at length.", tag);
        await PublishAsync("Summary", "Nothing.", tag, excerpt: "A treaty in the excerpt");
        await PublishAsync("Gardening", "Plant garlic before the frost.", tag);

        var found = await TitlesAsync($"/api/v1/posts?tag={tag}&q=treaty");

        Assert.Equal(3, found.Length);
        Assert.DoesNotContain("Gardening", found);
        Assert.Equal("Peace treaty signed", found[0]);
    }

    [Fact]
    public async Task Web_search_syntax_handles_phrases_exclusions_and_or()
    {
        var tag = TestApi.Unique("syntax");
        await PublishAsync("One", "troops deployed to the border", tag);
        await PublishAsync("Two", "border troops were deployed", tag);
        await PublishAsync("Three", "the border was quiet", tag);

        Assert.Equal(["One"], await TitlesAsync($"/api/v1/posts?tag={tag}&q=" + Uri.EscapeDataString("\"troops deployed\"")));
        Assert.Equal(["Three"], await TitlesAsync($"/api/v1/posts?tag={tag}&q=" + Uri.EscapeDataString("border -troops")));
        var either = await TitlesAsync($"/api/v1/posts?tag={tag}&q=" + Uri.EscapeDataString("quiet or deployed") + "&sort=title");
        Assert.Equal(["One", "Three", "Two"], either);
    }

    [Fact]
    public async Task An_explicit_sort_overrides_relevance_and_filters_combine_with_the_total()
    {
        var tag = TestApi.Unique("combined");
        var other = TestApi.Unique("other");
        await PublishAsync("Election results", "election election election", tag, daysAgo: 3);
        await PublishAsync("Weather", "an election mention", tag, daysAgo: 1);
        await PublishAsync("Elsewhere election", "election", other, daysAgo: 2);

        Assert.Equal(["Election results", "Weather"], await TitlesAsync($"/api/v1/posts?tag={tag}&q=election"));
        Assert.Equal(["Weather", "Election results"], await TitlesAsync($"/api/v1/posts?tag={tag}&q=election&sort=-publishedAt"));
        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag},{other}&q=election&pageSize=1").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)list["pagination"]!["total"]!);
    }

    [Fact]
    public async Task Drafts_never_appear_in_search_for_readers()
    {
        var word = "zephyrine" + Guid.NewGuid().ToString("N")[..6];
        await _admin.CreatePostAsync(new { title = $"Secret {word}" });
        Assert.Empty(await TitlesAsync($"/api/v1/posts?q={word}"));
        var admin = await _admin.GetAsync($"/api/v1/posts?q={word}&status=all").ExpectAsync(HttpStatusCode.OK);
        Assert.Single(admin["items"]!.AsArray());
    }

    [Fact]
    public async Task A_highlight_marks_the_matches_and_escapes_everything_else()
    {
        var tag = TestApi.Unique("hl");
        await PublishAsync("Harbour news", "The <b>harbour</b> fee is < 5 & rising. <script>alert(1)</script>", tag);

        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}&q=harbour&fields=id,title,highlight").ExpectAsync(HttpStatusCode.OK);
        var highlight = (string)list["items"]![0]!["highlight"]!;

        Assert.Contains("<mark>", highlight);
        Assert.Contains("</mark>", highlight);
        Assert.DoesNotContain("<script>", highlight);
        Assert.DoesNotContain("<b>", highlight);
        Assert.Contains("&lt; 5 &amp; rising", highlight);
    }

    [Fact]
    public async Task Bylines_and_tags_are_read_by_the_page_ids_without_searching_again()
    {
        var tag = TestApi.Unique("once");
        await PublishAsync("Searched once", "lighthouse keepers", tag);
        api.Commands.Reset();

        var list = await _reader.GetAsync($"/api/v1/posts?tag={tag}&q=lighthouse").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(tag, (string)list["items"]![0]!["tags"]![0]!["slug"]!);
        // The count and the page search; the relations are looked up by id, not by searching again.
        Assert.Equal(2, api.Commands.Texts.Count(sql => sql.Contains("websearch_to_tsquery", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Relevance_ranks_title_then_excerpt_matches_and_body_only_matches_come_after_them_newest_first()
    {
        var tag = TestApi.Unique("rank");
        // Many body hits do not lift a post: relevance is on title and excerpt, a body match only makes it a match.
        await PublishAsync("Old body", "lantern lantern lantern lantern lantern", tag, daysAgo: 5);
        await PublishAsync("New body", "one lantern", tag, daysAgo: 1);
        await PublishAsync("Lantern makers", "Nothing here.", tag, daysAgo: 10);
        await PublishAsync("Excerpt only", "Nothing here either.", tag, excerpt: "About a lantern", daysAgo: 3);
        await PublishAsync("Unrelated", "No match.", tag, daysAgo: 2);

        Assert.Equal(["Lantern makers", "Excerpt only", "New body", "Old body"], await TitlesAsync($"/api/v1/posts?tag={tag}&q=lantern"));
    }

    [Fact]
    public async Task Pages_of_a_ranked_search_past_its_title_matches_are_the_whole_lists_order()
    {
        // Only title and excerpt matches are ranked; the body-only matches are taken newest first. Each page must
        // still be its slice of the one order: title matches, excerpt matches, then body-only matches, newest first.
        var tag = TestApi.Unique("lighthouse");
        int[] titleDays = [1, 4, 7, 10], excerptDays = [2, 5], bodyDays = [0, 3, 6, 8, 9, 11];
        for (var i = 0; i < titleDays.Length; i++) await PublishAsync($"Lighthouse {i}", "Nothing here.", tag, daysAgo: titleDays[i]);
        for (var i = 0; i < excerptDays.Length; i++) await PublishAsync($"Excerpt {i}", "Nothing here.", tag, excerpt: "By the lighthouse", daysAgo: excerptDays[i]);
        for (var i = 0; i < bodyDays.Length; i++) await PublishAsync($"Body {i}", "Down to the lighthouses again.", tag, daysAgo: bodyDays[i]);
        await PublishAsync("Unrelated", "No match.", tag, daysAgo: 1);
        await _admin.CreatePostAsync(new { title = "Lighthouse draft", body = "lighthouse", tags = new[] { tag } });
        string[] expected = ["Lighthouse 0", "Lighthouse 1", "Lighthouse 2", "Lighthouse 3", "Excerpt 0", "Excerpt 1",
            "Body 0", "Body 1", "Body 2", "Body 3", "Body 4", "Body 5"];

        Assert.Equal(expected, await TitlesAsync($"/api/v1/posts?tag={tag}&q=lighthouse&pageSize=50"));
        var paged = new List<string>();
        for (var page = 1; page <= 5; page++) paged.AddRange(await TitlesAsync($"/api/v1/posts?tag={tag}&q=lighthouse&pageSize=3&page={page}"));
        Assert.Equal(expected, paged);
        Assert.Equal(["Body 3", "Body 4", "Body 5"], await TitlesAsync($"/api/v1/posts?tag={tag}&q=lighthouse&pageSize=3&page=4"));

        var walked = new List<string>();
        var url = $"/api/v1/posts?tag={tag}&q=lighthouse&pageSize=2";
        var list = await _reader.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        walked.AddRange(list["items"]!.AsArray().Select(i => (string)i!["title"]!));
        while ((string?)list["pagination"]!["nextCursor"] is { } next)
        {
            list = await _reader.GetAsync($"{url}&cursor={Uri.EscapeDataString(next)}").ExpectAsync(HttpStatusCode.OK);
            walked.AddRange(list["items"]!.AsArray().Select(i => (string)i!["title"]!));
        }
        Assert.Equal(expected, walked);
        Assert.Equal(12, (int)list["pagination"]!["total"]!);

        // "or" joins plain words too.
        Assert.Equal(["Lighthouse 0", "Lighthouse 1", "Lighthouse 2", "Lighthouse 3", "Excerpt 0", "Excerpt 1", "Body 0"],
            await TitlesAsync($"/api/v1/posts?tag={tag}&q=lighthouse%20or%20zeppelin&pageSize=7"));

        // With date bounds the title matches are found another way (PostPage.RankedMatches); the order is the same slice.
        var now = api.Clock.GetUtcNow();
        var bounds = $"publishedAfter={Uri.EscapeDataString(now.AddDays(-10.5).ToString("O"))}&publishedBefore={Uri.EscapeDataString(now.AddDays(-3.5).ToString("O"))}";
        Assert.Equal(["Lighthouse 1", "Lighthouse 2", "Lighthouse 3", "Excerpt 1", "Body 2", "Body 3", "Body 4"],
            await TitlesAsync($"/api/v1/posts?tag={tag}&q=lighthouse&{bounds}&pageSize=50"));
        Assert.Equal(["Lighthouse 3", "Excerpt 1"], await TitlesAsync($"/api/v1/posts?tag={tag}&q=lighthouse&{bounds}&pageSize=2&page=2"));
    }

    [Fact]
    public async Task Walking_a_ranked_search_with_drafts_and_ties_gives_each_match_once_in_the_order_of_the_whole_list()
    {
        var tag = TestApi.Unique("rankwalk");
        for (var i = 0; i < 7; i++)
        {
            var title = i % 3 == 0 ? $"Beacon {i}" : $"Post {i}";
            // Drafts have no publication date: among equally relevant posts they sort first (nulls first, descending).
            var status = i % 4 == 1 ? "draft" : "published";
            await _admin.CreatePostAsync(new { title, body = "a beacon", status, tags = new[] { tag },
                publishedAt = status == "published" ? api.Clock.GetUtcNow().AddDays(-1 - (i % 2)) : (DateTimeOffset?)null });
        }
        var baseUrl = $"/api/v1/posts?tag={tag}&q=beacon&status=all&pageSize=2";
        var all = await _admin.GetAsync($"/api/v1/posts?tag={tag}&q=beacon&status=all&pageSize=50").ExpectAsync(HttpStatusCode.OK);
        var expected = all["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();

        var walked = new List<string>();
        var url = baseUrl;
        for (var page = 0; page < 10; page++)
        {
            var list = await _admin.GetAsync(url).ExpectAsync(HttpStatusCode.OK);
            walked.AddRange(list["items"]!.AsArray().Select(i => (string)i!["id"]!));
            Assert.Equal(7, (int)list["pagination"]!["total"]!);
            var next = (string?)list["pagination"]!["nextCursor"];
            if (next is null) break;
            url = baseUrl + "&cursor=" + Uri.EscapeDataString(next);
        }

        Assert.Equal(7, expected.Count);
        Assert.Equal(expected, walked);
        var titles = all["items"]!.AsArray().Select(i => (string)i!["title"]!).ToList();
        Assert.All(titles.Take(3), t => Assert.StartsWith("Beacon", t));
    }

    [Fact]
    public async Task A_tag_or_author_that_does_not_exist_gives_an_empty_page_without_reading_posts()
    {
        api.Commands.Reset();

        var byTag = await _reader.GetAsync($"/api/v1/posts?tag={TestApi.Unique("nosuchtag")}&q=anything").ExpectAsync(HttpStatusCode.OK);
        var byAuthor = await _reader.GetAsync($"/api/v1/posts?author={TestApi.Unique("nosuchauthor")}").ExpectAsync(HttpStatusCode.OK);

        foreach (var list in new[] { byTag, byAuthor })
        {
            Assert.Empty(list["items"]!.AsArray());
            Assert.Equal(0, (int)list["pagination"]!["total"]!);
            Assert.Null((string?)list["pagination"]!["nextCursor"]);
        }
        Assert.DoesNotContain(api.Commands.Texts, sql => sql.Contains("websearch_to_tsquery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_query_that_is_only_punctuation_finds_nothing_and_is_not_an_error()
    {
        var list = await _reader.GetAsync("/api/v1/posts?q=" + Uri.EscapeDataString("!!! & | :*")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)list["pagination"]!["total"]!);
    }

    [Fact]
    public async Task The_api_sessions_plan_no_parallel_workers()
    {
        // DependencyInjection adds "-c max_parallel_workers_per_gather=0" to the connection string's Options: on a
        // small machine under load, parallel workers' start-up cost more than the page they split.
        await using var connection = await api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SHOW max_parallel_workers_per_gather", connection);
        Assert.Equal("0", (string?)await show.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_search_leaves_no_setting_on_the_pooled_connections()
    {
        // Connections go back to the pool without a session reset (No Reset On Close, DependencyInjection): the
        // search's enable_seqscan = off must end with its transaction (SET LOCAL), never stay on the connection.
        var tag = TestApi.Unique("pool");
        await PublishAsync("Harbour news", "The harbour reopened.", tag);
        for (var i = 0; i < 3; i++) Assert.Equal(["Harbour news"], await TitlesAsync($"/api/v1/posts?q=harbour&tag={tag}"));

        // Every idle connection of the pool is handed out before a new one is opened.
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < 8; i++) connections.Add(await dataSource.OpenConnectionAsync());
            foreach (var connection in connections)
            {
                await using var show = new NpgsqlCommand("SHOW enable_seqscan", connection);
                Assert.Equal("on", (string?)await show.ExecuteScalarAsync());
            }
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
}

public sealed class SimpleSearchFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Search:Language"] = "simple",
        ["Cms:Database:MigrateOnStartup"] = "true",
    };
}

/// <summary>Cms:Search:Language=simple: no stemming, no stop words, any language's words as they are.</summary>
public sealed class SimpleSearchTests(SimpleSearchFactory api) : IClassFixture<SimpleSearchFactory>
{
    [Fact]
    public async Task The_simple_configuration_matches_exact_words_without_stemming()
    {
        var admin = api.Admin();
        var tag = TestApi.Unique("simple");
        await admin.CreatePostAsync(new { title = "Treaties", body = "the treaties of Paris", status = "published", tags = new[] { tag } });

        var stemmed = await api.Anonymous().GetAsync($"/api/v1/posts?tag={tag}&q=treaty").ExpectAsync(HttpStatusCode.OK);
        var exact = await api.Anonymous().GetAsync($"/api/v1/posts?tag={tag}&q=treaties").ExpectAsync(HttpStatusCode.OK);
        var stopWord = await api.Anonymous().GetAsync($"/api/v1/posts?tag={tag}&q=the").ExpectAsync(HttpStatusCode.OK);

        Assert.Empty(stemmed["items"]!.AsArray());
        Assert.Single(exact["items"]!.AsArray());
        Assert.Single(stopWord["items"]!.AsArray());
    }
    }
}

/// <summary>A new Cms:Search:Language on a database that has posts (its own database: the test changes the language).</summary>
public sealed class SearchLanguageChangeTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task Rebuilding_for_another_language_drops_cached_search_answers_and_their_ETags()
    {
        var tag = TestApi.Unique("language");
        await api.Admin().CreatePostAsync(new { title = "Treaties", body = "the treaties of Paris", status = "published", tags = new[] { tag } });
        var url = $"/api/v1/posts?tag={tag}&q=treaty";
        var reader = api.Anonymous();
        var first = await reader.GetAsync(url);
        var etag = first.ETag();
        Assert.Single((await first.ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()); // english: treaty and treaties stem alike
        Assert.Equal(HttpStatusCode.NotModified, (await reader.GetAsync(url, etag)).StatusCode);

        var listener = api.Services.GetRequiredService<Cms.Api.Caching.ContentChangeListener>();
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        var store = api.Services.GetRequiredService<Cms.Api.Caching.ContentCacheStore>();
        var generation = store.Generation;

        await api.WithDbAsync(db => Cms.Infrastructure.Data.SearchLanguage.EnsureAsync(
            db, "simple", Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None));

        // The notification arrives after the commit, asynchronously: wait for it, not for a time.
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            while (store.Generation == generation) await Task.Delay(20, wait.Token);
        var again = await reader.GetAsync(url, etag);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEqual(etag, again.ETag());
        Assert.Empty((await again.ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()); // simple: no stemming
    }
}
