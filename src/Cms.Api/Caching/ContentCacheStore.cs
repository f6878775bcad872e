using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Cms.Api.Caching;

/// <summary>
/// The output cache's memory: entries with tags, an expiry on the application's clock (so tests move
/// it with a FakeTimeProvider), and a generation that every eviction moves on. A response whose
/// request started before an eviction is never stored (<see cref="Stamp"/>): it may have read the
/// database before the write committed.
/// </summary>
public sealed class ContentCacheStore(TimeProvider clock, IOptions<OutputCacheSettings> settings) : IOutputCacheStore
{
    private const string StampPrefix = "cms-stamp:";

    private sealed record Entry(byte[] Value, DateTimeOffset Expires, string[] Tags);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;
    private long _generation;
    // The next scheduled publication after the last look, for the current generation only.
    private (bool Known, DateTimeOffset? At) _nextPublication;

    public long Generation
    {
        get { lock (_gate) return _generation; }
    }

    /// <summary>
    /// A tag that carries what the policy knew when the request started: the generation, and the
    /// instant after which the answer may be stale (the next scheduled post becomes due). The store
    /// reads it instead of indexing it; the framework only hands tags through.
    /// </summary>
    public static string Stamp(long generation, DateTimeOffset until) =>
        string.Create(CultureInfo.InvariantCulture, $"{StampPrefix}{generation}:{until.UtcTicks}");

    /// <summary>The remembered next publication, while it is still ahead of <paramref name="now"/>.</summary>
    public bool TryGetNextPublication(DateTimeOffset now, out DateTimeOffset? at)
    {
        lock (_gate)
        {
            at = _nextPublication.At;
            return _nextPublication.Known && (at is null || at > now);
        }
    }

    /// <summary>Remembers what was read while <paramref name="generation"/> was current; an eviction since makes it worthless.</summary>
    public void RememberNextPublication(long generation, DateTimeOffset? at)
    {
        lock (_gate)
            if (generation == _generation) _nextPublication = (true, at);
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        Evict([tag]);
        return ValueTask.CompletedTask;
    }

    /// <summary>Removes every entry that carries one of <paramref name="tags"/>, and moves the generation on once.</summary>
    public void Evict(IReadOnlyCollection<string> tags)
    {
        lock (_gate)
        {
            _generation++;
            _nextPublication = default;
            foreach (var (key, entry) in _entries.Where(e => e.Value.Tags.Any(tags.Contains)).ToList())
                Remove(key, entry);
        }
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry)) return ValueTask.FromResult<byte[]?>(null);
            if (clock.GetUtcNow() < entry.Expires) return ValueTask.FromResult<byte[]?>(entry.Value);
            Remove(key, entry);
            return ValueTask.FromResult<byte[]?>(null);
        }
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        tags ??= [];
        var stamp = tags.FirstOrDefault(t => t.StartsWith(StampPrefix, StringComparison.Ordinal));
        // Only the policy stores, and it always stamps; an unstamped entry cannot be proven fresh.
        if (stamp is null) return ValueTask.CompletedTask;
        var parts = stamp[StampPrefix.Length..].Split(':');
        var generation = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var until = new DateTimeOffset(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.Zero);
        lock (_gate)
        {
            if (generation != _generation) return ValueTask.CompletedTask;
            var now = clock.GetUtcNow();
            var expires = now + validFor < until ? now + validFor : until;
            if (expires <= now) return ValueTask.CompletedTask;
            if (_entries.TryGetValue(key, out var old)) Remove(key, old);
            var size = value.Length + key.Length * 2L;
            if (_bytes + size > settings.Value.SizeLimitMegabytes * 1024L * 1024L)
            {
                // Rare at a CMS's size; starting over is simpler and no less correct than picking victims.
                _entries.Clear();
                _bytes = 0;
            }
            _entries[key] = new Entry(value, expires, [.. tags.Where(t => !ReferenceEquals(t, stamp))]);
            _bytes += size;
        }
        return ValueTask.CompletedTask;
    }

    private void Remove(string key, Entry entry)
    {
        _entries.Remove(key);
        _bytes -= entry.Value.Length + key.Length * 2L;
    }
}
