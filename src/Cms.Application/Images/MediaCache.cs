using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Cms.Application.Images;

/// <summary>
/// The bytes of recently served media files, in memory, so that a hot image is written to the
/// response in one piece instead of being read from disk for every request (see docs/images.md,
/// "Serving"). Bounded by <c>Cms:Images:MemoryCacheMiB</c> in total and
/// <c>Cms:Images:MemoryCacheMaxFileKiB</c> a file; the least recently used entries go first; 0 MiB
/// turns it off.
/// </summary>
/// <remarks>
/// Names are content hashes, so cached bytes are never stale; what can change is whether the file
/// still exists. <see cref="DeleteImage"/> evicts here, and <see cref="GetMedia"/> still checks that
/// the file is on disk before it serves a hit: a delete through another instance sharing the image
/// root, or one that raced with the read that filled the entry, is then a 404 as well.
/// </remarks>
public sealed class MediaCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly long _budget;
    private long _size;
    private long _clock;

    public MediaCache(IOptions<ImageOptions> options)
    {
        _budget = Math.Max(0, options.Value.MemoryCacheMiB) * 1024L * 1024;
        MaxFileBytes = Math.Min(_budget, Math.Max(0, options.Value.MemoryCacheMaxFileKiB) * 1024L);
    }

    /// <summary>The largest file kept; 0 when the cache is off.</summary>
    public long MaxFileBytes { get; }

    /// <summary>Bytes held now (for tests and docs; never above the budget).</summary>
    public long Size => Interlocked.Read(ref _size);

    public int Count => _entries.Count;

    /// <param name="key">What was asked for: the file name, or the variant's name for <c>?w=</c> (which may be served by the original).</param>
    public CachedMedia? Get(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return null;
        // A shared counter rather than the time: an order is all that eviction needs.
        entry.LastUsed = Interlocked.Increment(ref _clock);
        return entry.Media;
    }

    public void Add(string key, CachedMedia media)
    {
        if (media.Bytes.Length > MaxFileBytes) return;
        lock (_gate)
        {
            if (!_entries.TryAdd(key, new Entry(media) { LastUsed = Interlocked.Increment(ref _clock) })) return;
            _size += media.Bytes.Length;
            if (_size > _budget) Trim();
        }
    }

    public void Remove(string key)
    {
        lock (_gate)
        {
            if (_entries.TryRemove(key, out var entry)) _size -= entry.Media.Bytes.Length;
        }
    }

    /// <summary>Forgets every entry of an image: its original and all its widths.</summary>
    public void Evict(string sha256)
    {
        lock (_gate)
        {
            foreach (var key in _entries.Keys)
                if (key.StartsWith(sha256, StringComparison.Ordinal) && _entries.TryRemove(key, out var entry))
                    _size -= entry.Media.Bytes.Length;
        }
    }

    // Down to 90% of the budget, least recently used first, so that a full cache does not sort on every miss.
    private void Trim()
    {
        var target = _budget * 9 / 10;
        foreach (var (key, entry) in _entries.ToArray().OrderBy(e => e.Value.LastUsed))
        {
            if (_size <= target) break;
            if (_entries.TryRemove(key, out _)) _size -= entry.Media.Bytes.Length;
        }
    }

    private sealed class Entry(CachedMedia media)
    {
        public CachedMedia Media { get; } = media;
        public long LastUsed;
    }
}

/// <param name="Bytes">The whole file; never written to.</param>
/// <param name="FileName">The file these bytes came from (the original for a width served by it): a hit is served only while it exists.</param>
public sealed record CachedMedia(byte[] Bytes, string FileName, string ContentType, string ETag);
