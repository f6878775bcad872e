using System.Net;
using System.Net.Http.Headers;
using Cms.Application.Images;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.IntegrationTests.Images;

/// <summary>
/// The memory cache of <c>/media</c> (<see cref="MediaCache"/>): what it serves is byte for byte the
/// file, it never outlives a delete, and ranges, conditions and HEAD answer from it as from disk.
/// </summary>
public sealed class MediaCacheTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private MediaCache Cache => api.Services.GetRequiredService<MediaCache>();

    private static byte[] RandomPng(int size, int seed)
    {
        var random = new Random(seed);
        return [.. TestImages.PngHeaderClaiming(2000, 1500), .. Enumerable.Range(0, size).Select(_ => (byte)random.Next(256))];
    }

    [Fact]
    public async Task The_second_request_is_answered_from_memory_with_the_same_bytes_and_headers()
    {
        var bytes = RandomPng(200_000, 1);
        var image = await api.Admin().UploadImageAsync(bytes);
        var url = (string)image["url"]!;
        var name = url["/media/".Length..];

        var first = await api.Anonymous().GetAsync(url);
        Assert.NotNull(Cache.Get(name));
        var second = await api.Anonymous().GetAsync(url);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"\"{TestImages.Sha256(bytes)}\"", response.ETag());
            Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
            Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Ranges_conditions_and_head_are_answered_from_memory_as_from_disk()
    {
        var bytes = RandomPng(150_000, 2);
        var image = await api.Admin().UploadImageAsync(bytes);
        var url = (string)image["url"]!;
        var first = await api.Anonymous().GetAsync(url);
        Assert.NotNull(Cache.Get(url["/media/".Length..]));

        var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(70_000, 140_000);
        var partial = await api.Anonymous().SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[70_000..140_001], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 70000-140000/{bytes.Length}", partial.Content.Headers.ContentRange!.ToString());

        var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(bytes.Length + 1, null);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await api.Anonymous().SendAsync(beyond)).StatusCode);

        var notModified = await api.Anonymous().GetAsync(url, first.ETag());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var head = await api.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_deleted_image_is_404_right_after_the_delete_and_leaves_the_cache()
    {
        var image = await api.Admin().UploadImageAsync(TestImages.Jpeg(400, 300));
        var url = (string)image["url"]!;
        var sha = (string)image["sha256"]!;
        // Twice each: the second answer comes from memory.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync($"{url}?w=160")).StatusCode);
        }
        Assert.NotNull(Cache.Get($"{sha}.jpg"));
        Assert.NotNull(Cache.Get($"{sha}-w160.jpg"));

        await api.Admin().DeleteAsync($"/api/v1/images/{image["id"]}", ifMatch: null).ExpectAsync(HttpStatusCode.NoContent);

        Assert.Null(Cache.Get($"{sha}.jpg"));
        Assert.Null(Cache.Get($"{sha}-w160.jpg"));
        await api.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);
        await api.Anonymous().GetAsync($"{url}?w=160").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_deleted_by_another_instance_is_404_although_its_bytes_were_in_memory()
    {
        // Another instance sharing the image root deletes the file; this one's cache was never told.
        var image = await api.Admin().UploadImageAsync(RandomPng(50_000, 3));
        var url = (string)image["url"]!;
        var sha = (string)image["sha256"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync(url)).StatusCode);
        Assert.NotNull(Cache.Get($"{sha}.png"));

        File.Delete(Path.Combine(api.ImageRoot, sha[..2], $"{sha}.png"));

        await api.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Null(Cache.Get($"{sha}.png"));
    }
}

/// <summary>A cache of 1 MiB that keeps files up to 400 KiB: what it holds stays within that, and what it cannot hold is still served.</summary>
public sealed class MediaCacheBudgetTests(MediaCacheBudgetFactory api) : IClassFixture<MediaCacheBudgetFactory>
{
    [Fact]
    public async Task The_cache_stays_within_its_budget_drops_the_least_recently_used_and_serves_larger_files_from_disk()
    {
        var cache = api.Services.GetRequiredService<MediaCache>();
        var images = new List<(string Url, byte[] Bytes)>();
        for (var i = 0; i < 5; i++)
        {
            var bytes = RandomPng(300_000, 10 + i);
            images.Add(((string)(await api.Admin().UploadImageAsync(bytes))["url"]!, bytes));
        }

        foreach (var (url, bytes) in images)
        {
            Assert.Equal(bytes, await api.Anonymous().GetByteArrayAsync(url));
            Assert.InRange(cache.Size, 0L, 1024L * 1024);
        }
        // Five of 300 KB do not fit in 1 MiB: the first ones read went first, the last one is there.
        Assert.Null(cache.Get(images[0].Url["/media/".Length..]));
        Assert.NotNull(cache.Get(images[^1].Url["/media/".Length..]));
        foreach (var (url, bytes) in images) Assert.Equal(bytes, await api.Anonymous().GetByteArrayAsync(url));

        var large = RandomPng(500_000, 20);
        var largeUrl = (string)(await api.Admin().UploadImageAsync(large))["url"]!;
        Assert.Equal(large, await api.Anonymous().GetByteArrayAsync(largeUrl));
        Assert.Null(cache.Get(largeUrl["/media/".Length..]));
    }

    private static byte[] RandomPng(int size, int seed)
    {
        var random = new Random(seed);
        return [.. TestImages.PngHeaderClaiming(2000, 1500), .. Enumerable.Range(0, size).Select(_ => (byte)random.Next(256))];
    }
}

public sealed class MediaCacheBudgetFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Images:MemoryCacheMiB"] = "1",
        ["Cms:Images:MemoryCacheMaxFileKiB"] = "400",
    };
}
