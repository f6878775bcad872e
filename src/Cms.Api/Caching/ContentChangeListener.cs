using Cms.Infrastructure.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cms.Api.Caching;

/// <summary>
/// Empties the output cache when another process changes content: the triggers of the migration
/// <c>AddContentChangeNotifications</c> send <c>NOTIFY cms_content_changed</c> at commit, and this
/// service holds one connection that listens. Writes through this process have already evicted
/// before their response (<see cref="EvictContentCache{TMessage,TResponse}"/>), so notifications that
/// carry this process's application name (unique per process, see AddCmsInfrastructure) are skipped.
/// </summary>
public sealed class ContentChangeListener(NpgsqlDataSource dataSource, ContentCacheStore store, IOptions<OutputCacheSettings> settings,
    ILogger<ContentChangeListener> logger) : BackgroundService
{
    public const string Channel = ContentChanges.Channel;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                // This process's own writes evicted before their response; evicting again, later, would only
                // throw away answers read after them.
                var self = new NpgsqlConnectionStringBuilder(connection.ConnectionString).ApplicationName;
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != self) store.EvictByTagAsync(ContentCache.Tag, CancellationToken.None);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // What was written while nobody listened is unknown: start again empty.
                await store.EvictByTagAsync(ContentCache.Tag, stoppingToken);
                _listening.TrySetResult();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Meanwhile other processes' writes reach this cache only through Cms:OutputCache:MaxDurationSeconds.
                logger.LogWarning("Not listening for content changes ({Message}); trying again in 5 s", e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
