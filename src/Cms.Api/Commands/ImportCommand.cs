using System.Diagnostics;
using System.Globalization;
using Cms.Application.Common.Exceptions;
using Cms.Application.Import;
using Mediator;
using Microsoft.Extensions.Options;

namespace Cms.Api.Commands;

/// <summary><c>Cms.Api import &lt;folder-or-zip&gt;</c>: the endpoint's import for sites too large to upload, with progress and the report.</summary>
public static class ImportCommand
{
    /// <returns>0 when every file was imported, 1 when some failed, 2 when nothing could be imported.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        if (args.Count != 1)
        {
            await errors.WriteLineAsync("Usage: Cms.Api import <folder-or-zip>");
            return 2;
        }
        var path = args[0];
        var options = services.GetRequiredService<IOptions<ImportOptions>>().Value;
        ImportPackage package;
        try
        {
            package = Directory.Exists(path) ? ImportPackage.FromFolder(path)
                : File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ImportPackage.FromZip(File.OpenRead(path), options, null)
                : File.Exists(path) ? ImportPackage.FromFiles([new ImportEntry(Path.GetFileName(path), () => File.OpenRead(path))], null)
                : throw new FileNotFoundException($"'{path}' is neither a folder nor a file.");
        }
        catch (Exception e) when (e is FileNotFoundException or ValidationException or ImportTooLargeException)
        {
            var message = e is ValidationException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value)) : e.Message;
            await errors.WriteLineAsync($"Nothing was imported: {message}");
            return 2;
        }

        using (package)
        {
            await using var scope = services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var clock = Stopwatch.StartNew();
            var progress = new ConsoleProgress(output, package.Posts.Count, interactive: !Console.IsOutputRedirected);
            await output.WriteLineAsync($"Importing {package.Posts.Count} post files from {path}");
            var report = await sender.Send(new ImportJekyll.Command(package, progress));
            var seconds = clock.Elapsed.TotalSeconds;
            if (progress.Interactive) await output.WriteLineAsync();
            foreach (var failed in report.Failed) await output.WriteLineAsync($"failed   {failed.File}: {failed.Message}");
            foreach (var warning in report.Warnings) await output.WriteLineAsync($"warning  {warning.File}: {warning.Message}");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Created {report.Created}, updated {report.Updated}, unchanged {report.Unchanged}, failed {report.Failed.Count}, warnings {report.Warnings.Count} in {seconds:0.0} s ({package.Posts.Count / Math.Max(seconds, 0.001):0} posts/s)."));
            return report.Failed.Count > 0 ? 1 : 0;
        }
    }

    /// <summary>A bar redrawn in place on a terminal; one line per batch when the output is a file or a pipe.</summary>
    private sealed class ConsoleProgress(TextWriter output, int total, bool interactive) : IProgress<int>
    {
        public bool Interactive => interactive;

        public void Report(int done)
        {
            if (!interactive)
            {
                output.WriteLine($"{done}/{total} post files");
                return;
            }
            const int width = 40;
            var filled = total == 0 ? width : (int)((long)done * width / total);
            output.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total}");
        }
    }
}
