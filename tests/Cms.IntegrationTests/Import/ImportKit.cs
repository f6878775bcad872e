using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Import;

/// <summary>Files, zips and requests for the import and export tests.</summary>
public static class ImportKit
{
    public static string SamplesFolder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "samples", "_posts");

    public const string NewsImage = "assets/images/5131f2c8423467ca0485590d6236d76e.jpg";
    public const string LeapDayImage = "assets/images/leap-day.png";

    /// <summary>The three sample posts, as their files.</summary>
    public static (string Name, byte[] Bytes)[] Samples() =>
        [.. Directory.GetFiles(SamplesFolder, "*.md").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))];

    /// <summary>The samples as a Jekyll site: posts in _posts/ and the two images their front matter names.</summary>
    public static byte[] SampleSite(string root = "") => Zip([
        .. Samples().Select(s => (root + "_posts/" + s.Name, s.Bytes)),
        (root + NewsImage, TestImages.Jpeg(120, 80)),
        (root + LeapDayImage, TestImages.Png(64, 64)),
        (root + "_config.yml", Encoding.UTF8.GetBytes("title: Samples\n")),
    ]);

    public static (string, byte[]) Text(string name, string text) => (name, Encoding.UTF8.GetBytes(text));

    public static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    public static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return client.PostAsync("/api/v1/import/jekyll", form);
    }

    public static async Task<byte[]> ExportAsync(this HttpClient admin)
    {
        var response = await admin.GetAsync("/api/v1/export/jekyll");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
