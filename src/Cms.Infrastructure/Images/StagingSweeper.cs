using Cms.Application.Images;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Infrastructure.Images;

/// <summary>
/// Removes staged uploads that a crash or a kill left in <c>{root}/tmp</c>: at start, then hourly.
/// A live upload is never that old (a 10 MiB body at a very slow 20 KB/s takes under ten minutes).
/// </summary>
public sealed class StagingSweeper(IOptions<ImageOptions> options, TimeProvider clock, ILogger<StagingSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var removed = SweepOnce();
                if (removed > 0) logger.LogInformation("Removed {Count} abandoned upload(s) from the image staging area", removed);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not sweep the image staging area");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public int SweepOnce()
    {
        var tmp = Path.Combine(Path.GetFullPath(options.Value.Root), "tmp");
        if (!Directory.Exists(tmp)) return 0;
        var cutoff = clock.GetUtcNow() - MaxAge;
        var removed = 0;
        foreach (var file in new DirectoryInfo(tmp).EnumerateFiles("*.upload"))
        {
            if (file.LastWriteTimeUtc >= cutoff.UtcDateTime) continue;
            file.Delete();
            removed++;
        }
        return removed;
    }
}
