using System.Net;
using System.Text.Json.Nodes;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Categories;

/// <summary>
/// Categories are global to a database: this class owns its database (its own fixture), and every
/// test asserts only on categories with names it made unique.
/// </summary>
public sealed class ListCategoriesTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient client)
    {
        var list = await client.GetAsync("/api/v1/categories").ExpectAsync(HttpStatusCode.OK);
        return list.AsArray().ToDictionary(c => (string)c!["name"]!, c => (int)c!["postCount"]!);
    }

    /// <summary>A post in <paramref name="category"/>, published at <paramref name="at"/> (now when null; later means scheduled).</summary>
    private Task<JsonNode> PublishedInAsync(string category, DateTimeOffset? at = null) =>
        _admin.CreatePostAsync(new { title = "Published", status = "published", publishedAt = at ?? api.Clock.GetUtcNow(), categories = new[] { category } });

    private Task<JsonNode> DraftInAsync(string category) =>
        _admin.CreatePostAsync(new { title = "Draft", categories = new[] { category } });

    [Fact]
    public async Task Everyone_counts_only_published_posts()
    {
        var category = TestApi.Unique("News");
        var now = api.Clock.GetUtcNow();
        await PublishedInAsync(category);
        await PublishedInAsync(category, now.AddDays(-3));
        await DraftInAsync(category);
        await PublishedInAsync(category, now.AddHours(1));

        var forReaders = await CountsAsync(api.Anonymous());
        var forContentKey = await CountsAsync(api.WithKey(await api.CreateKeyAsync(ApiKeyScope.Content)));
        var forAdmins = await CountsAsync(_admin);

        Assert.Equal(2, forReaders[category]);
        Assert.Equal(2, forContentKey[category]);
        Assert.Equal(2, forAdmins[category]);
    }

    [Fact]
    public async Task A_category_with_only_a_draft_and_a_scheduled_post_is_not_listed()
    {
        var category = TestApi.Unique("Embargoed");
        await DraftInAsync(category);
        await PublishedInAsync(category, api.Clock.GetUtcNow().AddDays(1));

        Assert.DoesNotContain(category, (await CountsAsync(api.Anonymous())).Keys);
        Assert.DoesNotContain(category, (await CountsAsync(_admin)).Keys);
    }

    [Fact]
    public async Task Spellings_that_differ_only_in_case_are_one_category_shown_by_the_most_used()
    {
        var category = TestApi.Unique("Mixed");
        await PublishedInAsync(category);
        await PublishedInAsync(category);
        await PublishedInAsync(category.ToLowerInvariant());

        var counts = await CountsAsync(api.Anonymous());

        Assert.Equal(3, counts[category]);
        Assert.DoesNotContain(category.ToLowerInvariant(), counts.Keys);
    }

    [Fact]
    public async Task A_scheduled_post_counts_once_its_time_has_come()
    {
        var category = TestApi.Unique("Scheduled");
        await PublishedInAsync(category);
        await PublishedInAsync(category, api.Clock.GetUtcNow().AddHours(2));
        Assert.Equal(1, (await CountsAsync(api.Anonymous()))[category]);

        api.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        Assert.Equal(2, (await CountsAsync(api.Anonymous()))[category]);
    }

    [Fact]
    public async Task Categories_are_ordered_by_post_count_then_by_name()
    {
        var prefix = TestApi.Unique("Order");
        string busy = $"{prefix} Zulu", alpha = $"{prefix} Alpha", bravo = $"{prefix} Bravo";
        foreach (var category in new[] { bravo, busy, alpha, busy, busy }) await PublishedInAsync(category);
        await _admin.CreatePostAsync(new { title = "Two at once", status = "published", categories = new[] { alpha, bravo } });

        var list = (await api.Anonymous().GetAsync("/api/v1/categories").ExpectAsync(HttpStatusCode.OK)).AsArray();

        var mine = list.Where(c => ((string)c!["name"]!).StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([busy, alpha, bravo], mine.Select(c => (string)c!["name"]!));
        Assert.Equal([3, 2, 2], mine.Select(c => (int)c!["postCount"]!));
        var all = list.Select(c => (Count: (int)c!["postCount"]!, Name: (string)c!["name"]!)).ToList();
        Assert.Equal(all.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal), all);
    }

    [Fact]
    public async Task A_post_counts_once_per_category_it_names()
    {
        var category = TestApi.Unique("Once");
        await _admin.CreatePostAsync(new { title = "Repeated", status = "published", categories = new[] { category, category, $" {category} " } });

        Assert.Equal(1, (await CountsAsync(api.Anonymous()))[category]);
    }

    [Fact]
    public async Task Listing_categories_honours_if_none_match()
    {
        var category = TestApi.Unique("Cached");
        await PublishedInAsync(category);
        var first = await api.Anonymous().GetAsync("/api/v1/categories");
        await first.ExpectAsync(HttpStatusCode.OK);

        var unchanged = await api.Anonymous().GetAsync("/api/v1/categories", first.ETag());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        await PublishedInAsync(category);
        var changed = await api.Anonymous().GetAsync("/api/v1/categories", first.ETag());
        await changed.ExpectAsync(HttpStatusCode.OK);
        Assert.NotEqual(first.ETag(), changed.ETag());
    }
}
