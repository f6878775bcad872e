using System.IO.Compression;
using System.Net;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cms.IntegrationTests.Import.ImportKit;

namespace Cms.IntegrationTests.Import;

public sealed class SmallImportsFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Import:MaxBytes"] = "300000",
        ["Cms:Import:MaxFiles"] = "5",
        ["Cms:Import:MaxUnzippedBytes"] = "200000",
    };
}

public sealed class ImportLimitsTests(SmallImportsFactory api) : IClassFixture<SmallImportsFactory>
{
    private static (string, byte[]) Post(string slug) => Text($"_posts/2026-01-01-{slug}.md", $"---\ntitle: {slug}\n---\nBody\n");

    private async Task AssertNothingImportedAsync() => Assert.Equal(0, await api.WithDbAsync(db => db.Posts.CountAsync()));

    [Fact]
    public async Task A_request_over_MaxBytes_is_413_and_imports_nothing()
    {
        var big = new byte[400_000];
        Random.Shared.NextBytes(big);
        var problem = await api.Admin().ImportAsync(Text("2026-01-01-small.md", "---\ntitle: Small\n---\n"), ("photo.png", big))
            .ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("300000", (string)problem["detail"]!);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task A_zip_with_more_entries_than_MaxFiles_is_413_and_imports_nothing()
    {
        var zip = Zip(Enumerable.Range(1, 6).Select(i => Post($"many-{i}")));
        var problem = await api.Admin().ImportAsync(("site.zip", zip)).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("more than the limit of 5", (string)problem["detail"]!);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task More_loose_files_than_MaxFiles_is_413()
    {
        await api.Admin().ImportAsync([.. Enumerable.Range(1, 6).Select(i => Text($"2026-01-01-loose-{i}.md", "x"))])
            .ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task A_zip_bomb_is_413_from_the_bytes_it_really_decompresses_and_imports_nothing()
    {
        // 50 MB of one letter compresses to about 50 KB: small on the wire, far over the limit unpacked.
        var zip = Zip([Post("before-the-bomb"), Text("_posts/2026-01-01-bomb.md", "---\ntitle: Bomb\n---\n" + new string('a', 50_000_000))],
            CompressionLevel.SmallestSize);
        Assert.True(zip.Length < 300_000);
        var problem = await api.Admin().ImportAsync(("bomb.zip", zip)).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("decompresses to more than the limit of 200000 bytes", (string)problem["detail"]!);
        await AssertNothingImportedAsync();
    }

    [Theory]
    [InlineData("../../etc/evil.md")]
    [InlineData("_posts/../../evil.md")]
    [InlineData("/tmp/evil.md")]
    [InlineData("..\\evil.md")]
    [InlineData("C:/evil.md")]
    public async Task A_zip_entry_outside_the_site_is_400_and_imports_nothing(string name)
    {
        var zip = Zip([Post("fine"), Text(name, "---\ntitle: Evil\n---\n")]);
        var problem = await api.Admin().ImportAsync(("slip.zip", zip)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("outside the site", problem["errors"]!["files"]![0]!.ToString());
        await AssertNothingImportedAsync();
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "evil.md")));
    }

    [Fact]
    public async Task A_file_named_zip_that_is_not_a_zip_is_400()
    {
        var problem = await api.Admin().ImportAsync(Text("site.zip", "not a zip at all")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("not a valid zip", problem["errors"]!["files"]![0]!.ToString());
    }

    [Fact]
    public async Task A_zip_with_other_files_is_400()
    {
        await api.Admin().ImportAsync(("site.zip", Zip([Post("z")])), Text("2026-01-01-x.md", "x")).ExpectAsync(HttpStatusCode.BadRequest);
        await AssertNothingImportedAsync();
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415()
    {
        var response = await api.Admin().PostAsync("/api/v1/import/jekyll", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
