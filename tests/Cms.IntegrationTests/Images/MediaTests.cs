using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cms.Application.Images;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Cms.IntegrationTests.Images;

/// <summary>Serving <c>/media</c>; run twice, from memory and from disk (<see cref="MediaFromMemoryTests"/>, <see cref="MediaFromDiskTests"/>).</summary>
public abstract class MediaTests(CmsApiFactory api)
{
    [Fact]
    public async Task The_original_is_served_with_its_type_a_strong_etag_a_year_of_immutable_caching_and_nosniff()
    {
        var bytes = TestImages.Png(50, 40);
        var image = await api.Admin().UploadImageAsync(bytes);

        var response = await api.Anonymous().GetAsync((string)image["url"]!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{TestImages.Sha256(bytes)}\"", response.ETag());
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
    }

    [Fact]
    public async Task Head_answers_the_same_headers_without_the_bytes()
    {
        var bytes = TestImages.Png(50, 40);
        var image = await api.Admin().UploadImageAsync(bytes);

        var response = await api.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, (string)image["url"]!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{TestImages.Sha256(bytes)}\"", response.ETag());
    }

    [Fact]
    public async Task A_range_request_is_206_with_exactly_those_bytes()
    {
        var bytes = TestImages.Jpeg(120, 80);
        var image = await api.Admin().UploadImageAsync(bytes);

        var request = new HttpRequestMessage(HttpMethod.Get, (string)image["url"]!);
        request.Headers.Range = new RangeHeaderValue(10, 109);
        var response = await api.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(bytes[10..110], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 10-109/{bytes.Length}", response.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task An_original_of_several_copy_chunks_is_served_whole_and_ranges_anywhere_in_it_are_exact()
    {
        // 300 KB: the response copies 64 KB at a time, so this crosses chunks and ends mid-chunk.
        var random = new Random(9);
        byte[] bytes = [.. TestImages.PngHeaderClaiming(2000, 1500), .. Enumerable.Range(0, 300_000).Select(_ => (byte)random.Next(256))];
        var image = await api.Admin().UploadImageAsync(bytes);
        var url = (string)image["url"]!;

        var whole = await api.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes.Length, whole.Content.Headers.ContentLength);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());

        var across = new HttpRequestMessage(HttpMethod.Get, url);
        across.Headers.Range = new RangeHeaderValue(65_000, 200_000);
        var middle = await api.Anonymous().SendAsync(across);
        Assert.Equal(HttpStatusCode.PartialContent, middle.StatusCode);
        Assert.Equal(bytes[65_000..200_001], await middle.Content.ReadAsByteArrayAsync());

        var last = new HttpRequestMessage(HttpMethod.Get, url);
        last.Headers.Range = new RangeHeaderValue(null, 1000);
        var tail = await api.Anonymous().SendAsync(last);
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(bytes[^1000..], await tail.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes {bytes.Length - 1000}-{bytes.Length - 1}/{bytes.Length}", tail.Content.Headers.ContentRange!.ToString());

        var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(bytes.Length + 10, null);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await api.Anonymous().SendAsync(beyond)).StatusCode);
    }

    [Fact]
    public async Task A_deleted_image_and_its_variants_are_404_at_once()
    {
        var image = await api.Admin().UploadImageAsync(TestImages.Jpeg(400, 300));
        var url = (string)image["url"]!;
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync($"{url}?w=160")).StatusCode);

        await api.Admin().DeleteAsync($"/api/v1/images/{image["id"]}", ifMatch: null).ExpectAsync(HttpStatusCode.NoContent);

        await api.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.NotFound);
        await api.Anonymous().GetAsync($"{url}?w=160").ExpectAsync(HttpStatusCode.NotFound);
        var head = await api.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task A_width_outside_the_allow_list_is_400_even_for_a_name_that_is_not_stored()
    {
        var problem = await api.Anonymous().GetAsync($"/media/{new string('a', 64)}.jpg?w=500").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("160, 320, 480, 640", (string)problem["errors"]!["w"]![0]!);
    }

    [Fact]
    public async Task If_none_match_with_the_etag_is_304()
    {
        var image = await api.Admin().UploadImageAsync();
        var first = await api.Anonymous().GetAsync((string)image["url"]!);

        var second = await api.Anonymous().GetAsync((string)image["url"]!, first.ETag());

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("jpg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task A_variant_has_the_requested_width_the_same_aspect_and_format_and_is_kept_on_disk(string ext)
    {
        var bytes = ext switch { "jpg" => TestImages.Jpeg(400, 300), "png" => TestImages.Png(400, 300), _ => TestImages.WebP(400, 300) };
        var image = await api.Admin().UploadImageAsync(bytes);
        var sha = (string)image["sha256"]!;

        var response = await api.Anonymous().GetAsync($"{image["url"]}?w=160");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (width, height, format) = TestImages.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((160, 120), (width, height));
        Assert.Equal(ext switch { "jpg" => SKEncodedImageFormat.Jpeg, "png" => SKEncodedImageFormat.Png, _ => SKEncodedImageFormat.Webp }, format);
        Assert.Equal($"\"{sha}-w160\"", response.ETag());
        Assert.Equal("public, max-age=31536000, immutable", string.Join(", ", response.Headers.GetValues("Cache-Control")));
        Assert.True(File.Exists(Path.Combine(api.ImageRoot, sha[..2], $"{sha}-w160.{ext}")));
    }

    [Fact]
    public async Task A_width_at_or_above_the_original_serves_the_original_never_upscaled()
    {
        var bytes = TestImages.Jpeg(300, 200);
        var image = await api.Admin().UploadImageAsync(bytes);

        var response = await api.Anonymous().GetAsync($"{image["url"]}?w=640");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{image["sha256"]}\"", response.ETag());
    }

    [Fact]
    public async Task A_variant_carries_no_exif_or_gps_of_the_original()
    {
        var bytes = TestImages.JpegWithExif(400, 300, "GPS 51.5007N 0.1246W secret");
        var image = await api.Admin().UploadImageAsync(bytes);
        Assert.Equal(400, (int)image["width"]!);

        var variant = await api.Anonymous().GetByteArrayAsync($"{image["url"]}?w=320");

        Assert.Equal(320, TestImages.Decode(variant).Width);
        var text = Encoding.ASCII.GetString(variant);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain("secret", text);
        Assert.Contains("secret", Encoding.ASCII.GetString(await api.Anonymous().GetByteArrayAsync((string)image["url"]!)));
    }

    [Fact]
    public async Task A_photo_turned_by_its_exif_orientation_reports_its_displayed_size_and_its_variants_are_upright()
    {
        // Stored 400 × 300 with the left half red; orientation 6 says "turn 90° clockwise to display".
        var bytes = TestImages.JpegWithExif(0, 0, "", orientation: 6, jpegBytes: TestImages.HalvesJpeg(400, 300));
        var image = await api.Admin().UploadImageAsync(bytes);
        Assert.Equal((300, 400), ((int)image["width"]!, (int)image["height"]!));

        var variant = await api.Anonymous().GetByteArrayAsync($"{image["url"]}?w=160");

        using var bitmap = SKBitmap.Decode(variant);
        Assert.Equal((160, 213), (bitmap.Width, bitmap.Height));
        // Turned clockwise, the red left half is now the top half.
        Assert.True(bitmap.GetPixel(80, 30).Red > 200 && bitmap.GetPixel(80, 30).Blue < 60, $"top is {bitmap.GetPixel(80, 30)}");
        Assert.True(bitmap.GetPixel(80, 180).Blue > 200 && bitmap.GetPixel(80, 180).Red < 60, $"bottom is {bitmap.GetPixel(80, 180)}");
    }

    [Fact]
    public async Task Concurrent_first_requests_for_a_variant_make_it_once()
    {
        var image = await api.Admin().UploadImageAsync(TestImages.Jpeg(1200, 800));
        var variants = api.Services.GetRequiredService<ImageVariants>();
        var before = variants.Builds;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.Anonymous().GetAsync($"{image["url"]}?w=640")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.Single(bodies.Select(Convert.ToBase64String).Distinct());
        Assert.Equal(before + 1, variants.Builds);
    }

    [Fact]
    public async Task A_width_outside_the_allow_list_is_400()
    {
        var image = await api.Admin().UploadImageAsync();
        var problem = await api.Anonymous().GetAsync($"{image["url"]}?w=500").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("160, 320, 480, 640", (string)problem["errors"]!["w"]![0]!);
        await api.Anonymous().GetAsync($"{image["url"]}?w=abc").ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/media/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/media/../appsettings.json")]
    [InlineData("/media/%2e%2e%2fappsettings.json")]
    [InlineData("/media/tmp")]
    [InlineData("/media/0000000000000000000000000000000000000000000000000000000000000000.svg")]
    [InlineData("/media/0000000000000000000000000000000000000000000000000000000000000000.png/..")]
    [InlineData("/media/ABCDEF0000000000000000000000000000000000000000000000000000000000.png")]
    [InlineData("/media/000000000000000000000000000000000000000000000000000000000000000.png")]
    [InlineData("/media/0000000000000000000000000000000000000000000000000000000000000000.png")]
    public async Task Names_that_are_not_a_stored_hash_and_a_known_extension_are_404(string url)
    {
        var response = await api.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_same_hash_with_another_extension_is_404()
    {
        var image = await api.Admin().UploadImageAsync(TestImages.Png());
        await api.Anonymous().GetAsync($"/media/{image["sha256"]}.jpg").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_image_whose_pixels_do_not_decode_serves_the_original_for_a_variant()
    {
        byte[] bytes = [.. TestImages.PngHeaderClaiming(800, 600), .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];
        var image = await api.Admin().UploadImageAsync(bytes);

        var response = await api.Anonymous().GetAsync($"{image["url"]}?w=160");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{image["sha256"]}\"", response.ETag());
    }

    [Fact]
    public async Task A_gif_is_served_as_it_is_for_any_allowed_width()
    {
        var bytes = TestImages.Gif();
        var image = await api.Admin().UploadAsync(bytes, "a.gif", "image/gif").ExpectAsync(HttpStatusCode.Created);
        var response = await api.Anonymous().GetAsync($"{image["url"]}?w=160");
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/gif", response.Content.Headers.ContentType!.MediaType);
    }
}

/// <summary>With the memory cache on (the default): the first answer is read from disk and kept, later ones come from memory.</summary>
public sealed class MediaFromMemoryTests(CmsApiFactory api) : MediaTests(api), IClassFixture<CmsApiFactory>;

/// <summary>With <c>Cms:Images:MemoryCacheMiB=0</c>: every answer is read from disk.</summary>
public sealed class MediaFromDiskTests(MediaWithoutMemoryCacheFactory api) : MediaTests(api), IClassFixture<MediaWithoutMemoryCacheFactory>;

public sealed class MediaWithoutMemoryCacheFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cms:Images:MemoryCacheMiB"] = "0" };
}
