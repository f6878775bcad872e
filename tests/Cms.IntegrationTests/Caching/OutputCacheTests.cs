using System.Net;
using Cms.IntegrationTests.Import;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.IntegrationTests.Caching;

/// <summary>
/// The output cache answers repeated anonymous reads without SQL, and no reader ever gets an answer
/// from before a write once that write's response has arrived.
/// </summary>
public sealed class OutputCacheTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    private async Task<string> PublishedAsync(string? title = null, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["title"] = title ?? TestApi.Unique("Cached"), ["status"] = "published" };
        foreach (var property in extra?.GetType().GetProperties() ?? []) body[property.Name] = property.GetValue(extra);
        return (string)(await _admin.CreatePostAsync(body))["slug"]!;
    }

    /// <summary>Reads <paramref name="url"/> twice, so the second answer comes from the cache, and returns the body.</summary>
    private async Task<string> WarmAsync(string url)
    {
        var first = await _reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        api.Commands.Reset();
        var second = await _reader.GetAsync(url);
        Assert.Equal(0, api.Commands.Count);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        return await second.Content.ReadAsStringAsync();
    }

    private async Task<string> ReadAsync(string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await _reader.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{url}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    [Theory]
    [InlineData("/api/v1/posts")]
    [InlineData("/api/v1/posts?tag=cache-news&pageSize=5")]
    [InlineData("/api/v1/posts/slug/{slug}")]
    [InlineData("/api/v1/posts/{id}?fields=id,title,html")]
    [InlineData("/api/v1/authors")]
    [InlineData("/api/v1/tags")]
    [InlineData("/api/v1/tags/slug/cache-news")]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/images")]
    public async Task A_second_identical_public_read_is_answered_from_the_cache_without_sql(string url)
    {
        var post = await _admin.CreatePostAsync(new { title = TestApi.Unique("Cached"), status = "published", tags = new[] { "cache-news" }, categories = new[] { "News" } });
        url = url.Replace("{slug}", (string)post["slug"]!).Replace("{id}", (string)post["id"]!);

        var first = await _reader.GetAsync(url);
        api.Commands.Reset();
        var second = await _reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, api.Commands.Count);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task A_cached_answer_keeps_the_headers_of_a_fresh_one_and_its_own_rate_limit()
    {
        await PublishedAsync();
        var first = await _reader.GetAsync("/api/v1/posts?pageSize=3");
        var second = await _reader.GetAsync("/api/v1/posts?pageSize=3");

        Assert.NotNull(second.Headers.Age);
        Assert.Null(first.Headers.Age);
        foreach (var name in new[] { "ETag", "X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy", "Referrer-Policy", "RateLimit-Policy" })
            Assert.Equal(first.Headers.GetValues(name), second.Headers.GetValues(name));
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        // Written once per answer, not once more on top of the cached copy.
        Assert.Equal(first.Headers.Vary, second.Headers.Vary);
        Assert.Single(second.Headers.Vary, v => v == "Authorization");
        // The budget is the current request's, not the one of the request that filled the cache.
        Assert.NotEqual(first.Headers.GetValues("RateLimit"), second.Headers.GetValues("RateLimit"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_conditional_read_of_a_cached_entry_is_a_304_without_sql()
    {
        var slug = await PublishedAsync();
        foreach (var url in new[] { "/api/v1/posts", $"/api/v1/posts/slug/{slug}" })
        {
            await WarmAsync(url);
            var etag = (await _reader.GetAsync(url)).Headers.ETag!.Tag;
            api.Commands.Reset();
            var response = await _reader.GetAsync(url, etag);
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal(0, api.Commands.Count);
            Assert.Equal(etag, response.Headers.ETag!.Tag);
        }
    }

    [Fact]
    public async Task The_query_string_is_part_of_the_key()
    {
        var title = TestApi.Unique("Keyed");
        await PublishedAsync(title);
        await WarmAsync("/api/v1/posts?fields=id,slug");
        Assert.DoesNotContain(title, await ReadAsync("/api/v1/posts?fields=id,slug"));
        Assert.Contains(title, await ReadAsync("/api/v1/posts?fields=id,title"));
        Assert.Contains(title, await ReadAsync("/api/v1/posts?FIELDS=id,title&pageSize=20"));
    }

    [Fact]
    public async Task Admin_answers_are_never_stored_nor_served_so_a_draft_never_reaches_a_reader()
    {
        var draft = await _admin.CreatePostAsync(new { title = TestApi.Unique("Secret draft"), status = "draft" });
        var title = (string)draft["title"]!;

        // The admin reads first, twice: both run the query, and nothing is kept for the reader.
        Assert.Contains(title, await (await _admin.GetAsync("/api/v1/posts?status=all")).Content.ReadAsStringAsync());
        Assert.Contains(title, await (await _admin.GetAsync("/api/v1/posts?status=draft")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"/api/v1/posts/{draft["id"]}")).StatusCode);
        api.Commands.Reset();
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"/api/v1/posts/{draft["id"]}")).StatusCode);
        Assert.NotEqual(0, api.Commands.Count);

        await ReadAsync("/api/v1/posts?status=all", HttpStatusCode.Unauthorized);
        await ReadAsync($"/api/v1/posts/{draft["id"]}", HttpStatusCode.NotFound);
        Assert.DoesNotContain(title, await ReadAsync("/api/v1/posts"));

        // And a reader's cached answer is not served to an admin, who sees more.
        await WarmAsync("/api/v1/posts?pageSize=50");
        Assert.Contains(title, await (await _admin.GetAsync("/api/v1/posts?status=all&pageSize=50")).Content.ReadAsStringAsync());
        api.Commands.Reset();
        var asAdmin = await _admin.GetAsync("/api/v1/posts?pageSize=50");
        Assert.NotEqual(0, api.Commands.Count);
        Assert.Null(asAdmin.Headers.Age);
    }

    [Fact]
    public async Task A_wrong_key_is_still_a_401_when_the_answer_is_cached()
    {
        await WarmAsync("/api/v1/tags");
        var stranger = api.WithKey("cms_not_a_real_key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/tags")).StatusCode);
    }

    [Fact]
    public async Task No_stale_read_after_a_create()
    {
        await WarmAsync("/api/v1/posts");
        var title = TestApi.Unique("Brand new");
        await PublishedAsync(title);
        Assert.Contains(title, await ReadAsync("/api/v1/posts"));
    }

    [Fact]
    public async Task No_stale_read_after_a_put_or_a_patch()
    {
        var post = await _admin.CreatePostAsync(new { title = TestApi.Unique("Before"), status = "published" });
        var (slug, id) = ((string)post["slug"]!, (string)post["id"]!);
        await WarmAsync($"/api/v1/posts/slug/{slug}");
        await WarmAsync($"/api/v1/posts/{id}");
        await WarmAsync("/api/v1/posts");

        var put = TestApi.Unique("Replaced");
        await _admin.PutJsonAsync($"/api/v1/posts/{id}", new { title = put, slug, status = "published", body = "new body" }, null).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(put, await ReadAsync($"/api/v1/posts/slug/{slug}"));
        Assert.Contains("new body", await ReadAsync($"/api/v1/posts/{id}"));
        Assert.Contains(put, await ReadAsync("/api/v1/posts"));

        await WarmAsync($"/api/v1/posts/slug/{slug}");
        await WarmAsync("/api/v1/posts");
        var patched = TestApi.Unique("Patched");
        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { title = patched }).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(patched, await ReadAsync($"/api/v1/posts/slug/{slug}"));
        Assert.Contains(patched, await ReadAsync("/api/v1/posts"));
    }

    [Fact]
    public async Task A_post_write_evicts_that_post_and_every_listing_but_keeps_the_other_posts()
    {
        var kept = await _admin.CreatePostAsync(new { title = TestApi.Unique("Untouched"), status = "published", tags = new[] { "cache-news" } });
        var written = await _admin.CreatePostAsync(new { title = TestApi.Unique("Rewritten"), status = "published", tags = new[] { "cache-news" } });
        var (writtenId, oldSlug) = ((string)written["id"]!, (string)written["slug"]!);
        string[] others = [$"/api/v1/posts/slug/{kept["slug"]}", $"/api/v1/posts/{kept["id"]}?fields=id,title"];
        string[] listings = ["/api/v1/posts", "/api/v1/tags/slug/cache-news", "/api/v1/tags", "/api/v1/authors", "/api/v1/categories", "/api/v1/images"];
        foreach (var url in others.Concat(listings).Append($"/api/v1/posts/slug/{oldSlug}").Append($"/api/v1/posts/{writtenId}")) await WarmAsync(url);

        var title = TestApi.Unique("Rewritten again");
        var newSlug = TestApi.Unique("rewritten-slug").ToLowerInvariant();
        await _admin.PatchMergeAsync($"/api/v1/posts/{writtenId}", new { title, slug = newSlug, categories = new[] { "Fresh category" } })
            .ExpectAsync(HttpStatusCode.OK);

        // The other post's answers are still served from the cache...
        await AssertCachedAsync(others);
        // ...while the written post's and every listing are read again.
        await AssertFreshAsync(listings);
        await ReadAsync($"/api/v1/posts/slug/{oldSlug}", HttpStatusCode.NotFound);
        Assert.Contains(title, await ReadAsync($"/api/v1/posts/slug/{newSlug}"));
        Assert.Contains(title, await ReadAsync($"/api/v1/posts/{writtenId}"));
        Assert.Contains(title, await ReadAsync("/api/v1/posts"));
        Assert.Contains("Fresh category", await ReadAsync("/api/v1/categories"));

        // A delete, the same.
        foreach (var url in listings) await WarmAsync(url);
        await _admin.DeleteAsync($"/api/v1/posts/{writtenId}", null).ExpectAsync(HttpStatusCode.NoContent);
        await AssertCachedAsync(others);
        await AssertFreshAsync(listings);
        await ReadAsync($"/api/v1/posts/slug/{newSlug}", HttpStatusCode.NotFound);
        await ReadAsync($"/api/v1/posts/{writtenId}", HttpStatusCode.NotFound);
        Assert.DoesNotContain(title, await ReadAsync("/api/v1/posts"));

        // A post write that also creates a tag is a write of two resources: everything goes.
        await _admin.CreatePostAsync(new { title = TestApi.Unique("With a new tag"), status = "published", tags = new[] { TestApi.Unique("brand-new-tag") } });
        await AssertFreshAsync(others);
    }

    [Fact]
    public async Task Writing_a_draft_as_a_draft_keeps_every_listing_and_publishing_it_does_not()
    {
        var other = await _admin.CreatePostAsync(new { title = TestApi.Unique("Published meanwhile"), status = "published", tags = new[] { "cache-news" } });
        string[] listings = ["/api/v1/posts", "/api/v1/tags/slug/cache-news", "/api/v1/tags", "/api/v1/authors", "/api/v1/categories",
            $"/api/v1/posts/slug/{other["slug"]}"];
        foreach (var url in listings) await WarmAsync(url);

        // An editor creating a draft and saving it again and again: no reader can see any of it.
        var draft = await _admin.CreatePostAsync(new { title = TestApi.Unique("Draft"), status = "draft", tags = new[] { "cache-news" }, categories = new[] { "News" } });
        var id = (string)draft["id"]!;
        for (var i = 0; i < 3; i++)
            await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { title = TestApi.Unique("Draft saved"), categories = new[] { "Draft only" } })
                .ExpectAsync(HttpStatusCode.OK);
        await AssertCachedAsync(listings);

        // Published, it is in the listings at once...
        var title = TestApi.Unique("Now public");
        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { title, status = "published" }).ExpectAsync(HttpStatusCode.OK);
        await AssertFreshAsync(listings.SkipLast(1));
        Assert.Contains(title, await ReadAsync("/api/v1/posts"));
        Assert.Contains("Draft only", await ReadAsync("/api/v1/categories"));

        // ...and a draft again, out of them at once.
        foreach (var url in listings) await WarmAsync(url);
        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { status = "draft" }).ExpectAsync(HttpStatusCode.OK);
        await AssertFreshAsync(listings.SkipLast(1));
        Assert.DoesNotContain(title, await ReadAsync("/api/v1/posts"));
        Assert.DoesNotContain("Draft only", await ReadAsync("/api/v1/categories"));

        // Deleting a draft changes nothing a reader sees either.
        foreach (var url in listings) await WarmAsync(url);
        await _admin.DeleteAsync($"/api/v1/posts/{id}", null).ExpectAsync(HttpStatusCode.NoContent);
        await AssertCachedAsync(listings);
    }

    [Fact]
    public async Task A_draft_scheduled_by_a_patch_appears_when_it_is_due()
    {
        var draft = await _admin.CreatePostAsync(new { title = TestApi.Unique("Scheduled later"), status = "draft" });
        await WarmAsync("/api/v1/posts");

        // Not visible yet, but it will be without another write: the listings must learn of its time.
        await _admin.PatchMergeAsync($"/api/v1/posts/{draft["id"]}", new { status = "published", publishedAt = api.Clock.GetUtcNow().AddSeconds(30) })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain((string)draft["title"]!, await WarmAsync("/api/v1/posts"));

        api.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Contains((string)draft["title"]!, await ReadAsync("/api/v1/posts"));
    }

    [Fact]
    public async Task Keys_webhooks_and_preview_links_keep_every_cached_answer()
    {
        var post = await _admin.CreatePostAsync(new { title = TestApi.Unique("Kept"), status = "published" });
        string[] urls = ["/api/v1/posts", $"/api/v1/posts/slug/{post["slug"]}", "/api/v1/tags"];
        foreach (var url in urls) await WarmAsync(url);

        var key = await _admin.PostJsonAsync("/api/v1/keys", new { name = "cache", scope = "content" }).ExpectAsync(HttpStatusCode.Created);
        await _admin.DeleteAsync($"/api/v1/keys/{key["id"]}", null).ExpectAsync(HttpStatusCode.NoContent);
        var hook = await _admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/cms", events = new[] { "post.*" } })
            .ExpectAsync(HttpStatusCode.Created);
        await _admin.PatchMergeAsync($"/api/v1/webhooks/{hook["id"]}", new { active = false }).ExpectAsync(HttpStatusCode.OK);
        await _admin.DeleteAsync($"/api/v1/webhooks/{hook["id"]}", null).ExpectAsync(HttpStatusCode.NoContent);
        await _admin.PostJsonAsync($"/api/v1/posts/{post["id"]}/preview", new { }).ExpectAsync(HttpStatusCode.OK);

        await AssertCachedAsync(urls);
    }

    /// <summary>
    /// Each of <paramref name="urls"/> comes from the cache: only a stored answer has an Age header. (The first read
    /// after a write may still run one statement: the policy looks up the next scheduled publication once per eviction.)
    /// </summary>
    private async Task AssertCachedAsync(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            var response = await _reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Age is not null, $"{url} was not served from the cache");
        }
    }

    /// <summary>Each of <paramref name="urls"/> is read again from the database.</summary>
    private async Task AssertFreshAsync(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            var response = await _reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Age is null, $"{url} was served from the cache");
        }
    }

    [Fact]
    public async Task No_stale_read_after_a_delete()
    {
        var post = await _admin.CreatePostAsync(new { title = TestApi.Unique("Doomed"), status = "published" });
        await WarmAsync($"/api/v1/posts/slug/{post["slug"]}");
        await WarmAsync("/api/v1/posts");

        await _admin.DeleteAsync($"/api/v1/posts/{post["id"]}", null).ExpectAsync(HttpStatusCode.NoContent);

        await ReadAsync($"/api/v1/posts/slug/{post["slug"]}", HttpStatusCode.NotFound);
        Assert.DoesNotContain((string)post["title"]!, await ReadAsync("/api/v1/posts"));
    }

    [Fact]
    public async Task No_stale_read_after_a_draft_is_published()
    {
        var draft = await _admin.CreatePostAsync(new { title = TestApi.Unique("Soon public"), status = "draft" });
        await ReadAsync($"/api/v1/posts/slug/{draft["slug"]}", HttpStatusCode.NotFound);
        await WarmAsync("/api/v1/posts");

        await _admin.PatchMergeAsync($"/api/v1/posts/{draft["id"]}", new { status = "published" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains((string)draft["title"]!, await ReadAsync("/api/v1/posts"));
        await ReadAsync($"/api/v1/posts/slug/{draft["slug"]}");
    }

    [Fact]
    public async Task No_stale_read_after_an_author_is_renamed_or_deleted()
    {
        var author = await _admin.CreateAuthorAsync();
        var heir = await _admin.CreateAuthorAsync();
        var slug = await PublishedAsync(extra: new { authors = new[] { (string)author["slug"]! } });
        await WarmAsync($"/api/v1/posts/slug/{slug}");
        await WarmAsync("/api/v1/authors?pageSize=100");
        await WarmAsync($"/api/v1/authors/{author["id"]}");

        var renamed = TestApi.Unique("Renamed author");
        await _admin.PatchMergeAsync($"/api/v1/authors/{author["id"]}", new { name = renamed }).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(renamed, await ReadAsync($"/api/v1/posts/slug/{slug}"));
        Assert.Contains(renamed, await ReadAsync("/api/v1/authors?pageSize=100"));
        Assert.Contains(renamed, await ReadAsync($"/api/v1/authors/{author["id"]}"));

        await WarmAsync($"/api/v1/posts/slug/{slug}");
        await WarmAsync($"/api/v1/authors/{author["id"]}");
        await _admin.DeleteAsync($"/api/v1/authors/{author["id"]}?reassignTo={heir["slug"]}", null).ExpectAsync(HttpStatusCode.NoContent);

        var post = await ReadAsync($"/api/v1/posts/slug/{slug}");
        Assert.DoesNotContain(renamed, post);
        Assert.Contains((string)heir["name"]!, post);
        await ReadAsync($"/api/v1/authors/{author["id"]}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task No_stale_read_after_a_tag_is_renamed_or_deleted()
    {
        var tagName = TestApi.Unique("cachetag");
        var slug = await PublishedAsync(extra: new { tags = new[] { tagName } });
        var tag = (await ReadAsync($"/api/v1/posts/slug/{slug}")).Contains(tagName) ? tagName : throw new InvalidOperationException("tag missing");
        var tagId = (string)(await _reader.GetAsync($"/api/v1/tags?q={tag}").ExpectAsync(HttpStatusCode.OK))["items"]![0]!["id"]!;
        await WarmAsync($"/api/v1/posts/slug/{slug}");
        await WarmAsync("/api/v1/tags?pageSize=100");

        var renamed = TestApi.Unique("renamed-tag");
        await _admin.PatchMergeAsync($"/api/v1/tags/{tagId}", new { name = renamed }).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(renamed, await ReadAsync($"/api/v1/posts/slug/{slug}"));
        Assert.Contains(renamed, await ReadAsync("/api/v1/tags?pageSize=100"));

        await WarmAsync($"/api/v1/posts/slug/{slug}");
        await WarmAsync($"/api/v1/tags/{tagId}");
        await _admin.DeleteAsync($"/api/v1/tags/{tagId}", null).ExpectAsync(HttpStatusCode.NoContent);

        Assert.DoesNotContain(renamed, await ReadAsync($"/api/v1/posts/slug/{slug}"));
        await ReadAsync($"/api/v1/tags/{tagId}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task No_stale_read_after_an_image_description_changes()
    {
        var image = await _admin.UploadImageAsync(alt: "Old alt text");
        var slug = await PublishedAsync(extra: new { featureImageId = (string)image["id"]! });
        await WarmAsync($"/api/v1/posts/slug/{slug}");
        await WarmAsync($"/api/v1/images/{image["id"]}");
        await WarmAsync("/api/v1/images");

        await _admin.PatchMergeAsync($"/api/v1/images/{image["id"]}", new { alt = "New alt text" }).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("New alt text", await ReadAsync($"/api/v1/posts/slug/{slug}"));
        Assert.Contains("New alt text", await ReadAsync($"/api/v1/images/{image["id"]}"));
        Assert.Contains("New alt text", await ReadAsync("/api/v1/images"));
    }

    [Fact]
    public async Task No_stale_read_after_an_import()
    {
        await WarmAsync("/api/v1/posts?pageSize=100&fields=id,slug,title");
        await WarmAsync("/api/v1/categories");
        var samples = ImportKit.Samples();

        await _admin.ImportAsync(samples).ExpectAsync(HttpStatusCode.OK);

        var list = await ReadAsync("/api/v1/posts?pageSize=100&fields=id,slug,title");
        var imported = await _admin.GetAsync("/api/v1/posts?pageSize=100&fields=id,slug,title").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(imported["items"]!.ToJsonString(), Api(list)["items"]!.ToJsonString());
        Assert.NotEqual("[]", await WarmAsync("/api/v1/categories"));

        static System.Text.Json.Nodes.JsonNode Api(string body) => System.Text.Json.Nodes.JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task A_scheduled_post_appears_when_it_is_due_although_nothing_was_written()
    {
        var title = TestApi.Unique("Scheduled");
        var post = await _admin.CreatePostAsync(new { title, status = "published", publishedAt = api.Clock.GetUtcNow().AddSeconds(50) });
        Assert.DoesNotContain(title, await WarmAsync("/api/v1/posts"));
        await ReadAsync($"/api/v1/posts/slug/{post["slug"]}", HttpStatusCode.NotFound);

        // Still cached a little before it is due (the maximum duration is 60 s)...
        api.Clock.Advance(TimeSpan.FromSeconds(40));
        api.Commands.Reset();
        Assert.DoesNotContain(title, await ReadAsync("/api/v1/posts"));
        Assert.Equal(0, api.Commands.Count);

        // ...and not a moment after.
        api.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains(title, await ReadAsync("/api/v1/posts"));
        await ReadAsync($"/api/v1/posts/slug/{post["slug"]}");
    }

    [Fact]
    public async Task An_answer_read_before_a_write_is_not_stored_after_it()
    {
        // A read that started before the write (its stamp names the old generation) and finishes after
        // the write's eviction may hold what the database had before the commit: it must not be kept.
        var store = api.Services.GetRequiredService<Cms.Api.Caching.ContentCacheStore>();
        var stamp = Cms.Api.Caching.ContentCacheStore.Stamp(store.Generation, api.Clock.GetUtcNow().AddMinutes(1));
        await PublishedAsync();
        await store.SetAsync("late read", [1, 2, 3], [Cms.Api.Caching.ContentCache.Tag, stamp], TimeSpan.FromMinutes(1), default);
        Assert.Null(await store.GetAsync("late read", default));

        var current = Cms.Api.Caching.ContentCacheStore.Stamp(store.Generation, api.Clock.GetUtcNow().AddMinutes(1));
        await store.SetAsync("timely read", [1, 2, 3], [Cms.Api.Caching.ContentCache.Tag, current], TimeSpan.FromMinutes(1), default);
        Assert.NotNull(await store.GetAsync("timely read", default));
    }

    [Fact]
    public async Task A_change_committed_by_another_process_empties_the_cache()
    {
        var listener = api.Services.GetRequiredService<Cms.Api.Caching.ContentChangeListener>();
        var post = await _admin.CreatePostAsync(new { title = TestApi.Unique("Elsewhere"), status = "published" });
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        await WarmAsync($"/api/v1/posts/slug/{post["slug"]}");
        var store = api.Services.GetRequiredService<Cms.Api.Caching.ContentCacheStore>();
        var generation = store.Generation;

        // As the import command or a second instance would: a write that this process's Mediator never sees.
        var changed = TestApi.Unique("Changed elsewhere");
        await using (var other = new Npgsql.NpgsqlConnection(api.ConnectionString))
        {
            await other.OpenAsync();
            await using var update = new Npgsql.NpgsqlCommand("UPDATE posts SET title = $1 WHERE slug = $2", other);
            update.Parameters.AddWithValue(changed);
            update.Parameters.AddWithValue((string)post["slug"]!);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        // The notification arrives asynchronously, after the commit; wait for it, not for a time.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (store.Generation == generation) await Task.Delay(20, wait.Token);
        Assert.Contains(changed, await ReadAsync($"/api/v1/posts/slug/{post["slug"]}"));
    }

    [Fact]
    public async Task An_entry_is_dropped_after_the_maximum_duration()
    {
        await WarmAsync("/api/v1/categories?x=max");
        api.Clock.Advance(TimeSpan.FromSeconds(61));
        api.Commands.Reset();
        await ReadAsync("/api/v1/categories?x=max");
        Assert.NotEqual(0, api.Commands.Count);
    }
}

/// <summary>The switch the benchmarks use: with the cache off, every read runs its query.</summary>
public sealed class OutputCacheDisabledTests(OutputCacheDisabledTests.Factory api) : IClassFixture<OutputCacheDisabledTests.Factory>
{
    public sealed class Factory : CmsApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cms:OutputCache:Enabled"] = "false" };
    }

    [Fact]
    public async Task Every_read_runs_its_query()
    {
        await api.Admin().CreatePostAsync(new { title = TestApi.Unique("Uncached"), status = "published" });
        var reader = api.Anonymous();
        await reader.GetAsync("/api/v1/posts").ExpectAsync(HttpStatusCode.OK);
        api.Commands.Reset();
        var second = await reader.GetAsync("/api/v1/posts");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(0, api.Commands.Count);
        Assert.Null(second.Headers.Age);
    }
}

/// <summary>With private reads, the cache never lets a request without a key read what a key unlocked.</summary>
public sealed class OutputCachePrivateReadsTests(OutputCachePrivateReadsTests.Factory api) : IClassFixture<OutputCachePrivateReadsTests.Factory>
{
    public sealed class Factory : CmsApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cms:Auth:PublicReads"] = "false" };
    }

    [Fact]
    public async Task A_keyless_request_is_a_401_after_a_reader_with_a_key_read_the_same_url()
    {
        await api.Admin().CreatePostAsync(new { title = TestApi.Unique("Members only"), status = "published" });
        var member = api.WithKey(await api.CreateKeyAsync(Cms.Domain.ApiKeyScope.Content));
        await member.GetAsync("/api/v1/posts").ExpectAsync(HttpStatusCode.OK);
        await member.GetAsync("/api/v1/posts").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/v1/posts")).StatusCode);
    }
}
