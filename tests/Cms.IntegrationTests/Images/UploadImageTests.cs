using System.Net;
using System.Text;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Images;

public sealed class UploadImageTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    public static TheoryData<string, string, string> Formats => new()
    {
        { "png", "image/png", "png" },
        { "jpeg", "image/jpeg", "jpg" },
        { "webp", "image/webp", "webp" },
        { "gif", "image/gif", "gif" },
    };

    private static byte[] Make(string format) => format switch
    {
        "png" => TestImages.Png(64, 48),
        "jpeg" => TestImages.Jpeg(64, 48),
        "webp" => TestImages.WebP(64, 48),
        _ => TestImages.Gif(),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Uploading_an_image_returns_201_with_its_type_size_and_hash_and_stores_it_under_the_hash(string format, string contentType, string ext)
    {
        var bytes = Make(format);
        // Name and declared type say nothing true: the bytes decide.
        var response = await api.Admin().UploadAsync(bytes, "upload.txt", "text/plain", alt: " A harbour at dawn ", caption: "Photo: Ana");
        var image = await response.ExpectAsync(HttpStatusCode.Created);

        var sha = TestImages.Sha256(bytes);
        Assert.Equal(sha, (string)image["sha256"]!);
        Assert.Equal($"/media/{sha}.{ext}", (string)image["url"]!);
        Assert.Equal(contentType, (string)image["contentType"]!);
        Assert.Equal(format == "gif" ? 1 : 64, (int)image["width"]!);
        Assert.Equal(format == "gif" ? 1 : 48, (int)image["height"]!);
        Assert.Equal(bytes.Length, (long)image["byteSize"]!);
        Assert.Equal("A harbour at dawn", (string)image["alt"]!);
        Assert.Equal("Photo: Ana", (string)image["caption"]!);
        Assert.Equal($"/api/v1/images/{image["id"]}", response.Headers.Location!.ToString());
        Assert.Equal($"\"{image["version"]}\"", response.ETag());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(api.ImageRoot, sha[..2], $"{sha}.{ext}")));
    }

    [Fact]
    public async Task The_same_bytes_twice_give_the_existing_image_with_200()
    {
        var bytes = TestImages.Png();
        var first = await api.Admin().UploadImageAsync(bytes, alt: "first");
        var second = await api.Admin().UploadAsync(bytes, "again.png", "image/png", alt: "second").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((string)first["id"]!, (string)second["id"]!);
        Assert.Equal("first", (string)second["alt"]!);
        var sha = TestImages.Sha256(bytes);
        Assert.Equal(1, await api.WithDbAsync(db => db.Images.CountAsync(i => i.Sha256 == sha)));
    }

    [Fact]
    public async Task Two_parallel_uploads_of_the_same_bytes_make_one_row_and_one_file()
    {
        var bytes = TestImages.Jpeg(200, 100);
        var sha = TestImages.Sha256(bytes);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.Admin().UploadAsync(bytes, "same.jpg", "image/jpeg")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (string)(await r.JsonAsync())["id"]!));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await api.WithDbAsync(db => db.Images.CountAsync(i => i.Sha256 == sha)));
        Assert.Single(api.StoredFiles(), f => f.Contains(sha, StringComparison.Ordinal));
        Assert.DoesNotContain(api.StoredFiles(), f => f.StartsWith("tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_text_file_named_png_is_415_and_leaves_nothing()
    {
        await ExpectNothingLeftAsync(HttpStatusCode.UnsupportedMediaType,
            () => api.Admin().UploadAsync(Encoding.UTF8.GetBytes("just some text, not a picture\n"), "photo.png", "image/png"));
    }

    [Fact]
    public async Task An_svg_with_a_script_is_415_whatever_its_declared_type()
    {
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>""";
        var problem = await ExpectNothingLeftAsync(HttpStatusCode.UnsupportedMediaType,
            () => api.Admin().UploadAsync(Encoding.UTF8.GetBytes(svg), "logo.svg", "image/svg+xml"));
        Assert.Contains("JPEG, PNG, GIF or WebP", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_png_header_claiming_100000_by_100000_pixels_is_400_before_any_decoding_and_leaves_nothing()
    {
        var problem = await ExpectNothingLeftAsync(HttpStatusCode.BadRequest,
            () => api.Admin().UploadAsync(TestImages.PngHeaderClaiming(100_000, 100_000), "huge.png", "image/png"));
        Assert.Contains("100000 × 100000", (string)problem["errors"]!["file"]![0]!);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_400_not_500()
    {
        var jpeg = TestImages.Jpeg(64, 48);
        await ExpectNothingLeftAsync(HttpStatusCode.BadRequest, () => api.Admin().UploadAsync(jpeg[..20], "cut.jpg", "image/jpeg"));
    }

    [Fact]
    public async Task An_empty_file_is_415_and_a_missing_file_part_is_400()
    {
        await ExpectNothingLeftAsync(HttpStatusCode.UnsupportedMediaType, () => api.Admin().UploadAsync([], "empty.png", "image/png"));
        var form = new MultipartFormDataContent { { new StringContent("alt only"), "alt" } };
        var problem = await ExpectNothingLeftAsync(HttpStatusCode.BadRequest, () => api.Admin().PostAsync("/api/v1/images", form));
        Assert.NotNull(problem["errors"]!["file"]);
    }

    [Fact]
    public async Task A_json_body_is_415_and_an_alt_text_over_the_limit_is_400_and_leaves_nothing()
    {
        await ExpectNothingLeftAsync(HttpStatusCode.UnsupportedMediaType, () => api.Admin().PostJsonAsync("/api/v1/images", new { file = "x" }));
        var problem = await ExpectNothingLeftAsync(HttpStatusCode.BadRequest,
            () => api.Admin().UploadAsync(TestImages.Png(), "a.png", "image/png", alt: new string('a', 1001)));
        Assert.NotNull(problem["errors"]!["alt"]);
    }

    [Fact]
    public async Task Uploading_needs_the_admin_scope()
    {
        await ExpectNothingLeftAsync(HttpStatusCode.Unauthorized, () => api.Anonymous().UploadAsync(TestImages.Png(), "a.png", "image/png"));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ExpectNothingLeftAsync(HttpStatusCode status, Func<Task<HttpResponseMessage>> call)
    {
        var rows = await api.WithDbAsync(db => db.Images.CountAsync());
        var files = api.StoredFiles();
        var problem = await call().ExpectAsync(status);
        Assert.Equal(rows, await api.WithDbAsync(db => db.Images.CountAsync()));
        Assert.Equal(files, api.StoredFiles());
        return problem;
    }
}
