using System.Diagnostics;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Import;

public sealed class ImportCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string database, string imageRoot, string path)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cms.Api.dll"));
        start.ArgumentList.Add("import");
        start.ArgumentList.Add(path);
        start.Environment["ConnectionStrings__Cms"] = TestDatabase.ConnectionStringFor(database);
        start.Environment["Cms__Database__MigrateOnStartup"] = "false";
        start.Environment["Cms__Images__Root"] = imageRoot;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task The_import_command_reads_a_site_folder_prints_progress_and_the_report_and_fails_when_a_file_failed()
    {
        var database = await TestDatabase.CreateAsync();
        var site = Directory.CreateTempSubdirectory("cms-site-").FullName;
        var images = Path.Combine(Path.GetTempPath(), "cms-images-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(site, "_posts"));
            Directory.CreateDirectory(Path.Combine(site, "assets", "images"));
            foreach (var (name, bytes) in ImportKit.Samples()) await File.WriteAllBytesAsync(Path.Combine(site, "_posts", name), bytes);
            await File.WriteAllBytesAsync(Path.Combine(site, ImportKit.NewsImage), TestImages.Jpeg(30, 20));
            await File.WriteAllTextAsync(Path.Combine(site, "_posts", "2026-02-02-broken.md"), "---\ntitle: [unclosed\n---\n");

            var (exitCode, output) = await RunAsync(database, images, site);
            Assert.True(exitCode == 1, output);
            Assert.Contains("4/4 post files", output);
            Assert.Contains("failed   _posts/2026-02-02-broken.md: _posts/2026-02-02-broken.md: YAML error on line", output);
            Assert.Contains("warning  _posts/2024-02-29-draft-leap-day.md", output);
            Assert.Contains("Created 3, updated 0, unchanged 0, failed 1, warnings 1", output);
            await using (var db = TestDatabase.Open(database))
            {
                Assert.Equal(3, await db.Posts.CountAsync());
                Assert.NotNull(await db.Posts.Where(p => p.Slug == "uk-and-france-to-send-troops-to-ukraine").Select(p => p.FeatureImageId).SingleAsync());
            }

            File.Delete(Path.Combine(site, "_posts", "2026-02-02-broken.md"));
            (exitCode, output) = await RunAsync(database, images, site);
            Assert.True(exitCode == 0, output);
            Assert.Contains("Created 0, updated 0, unchanged 3, failed 0", output);

            (exitCode, output) = await RunAsync(database, images, Path.Combine(site, "missing"));
            Assert.Equal(2, exitCode);
            Assert.Contains("Nothing was imported", output);
        }
        finally
        {
            Directory.Delete(site, recursive: true);
            if (Directory.Exists(images)) Directory.Delete(images, recursive: true);
            await TestDatabase.DropAsync(database);
        }
    }
}
