using System.Collections.Concurrent;
using Cms.Domain;

namespace Cms.Application.Images;

/// <summary>
/// Resized variants, made on first request and kept in the store. Concurrent first requests for the
/// same variant share one build: a popular picture on a front page must not be decoded fifty times.
/// </summary>
public sealed class ImageVariants(IImageStore store, IImageResizer resizer)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _building = new(StringComparer.Ordinal);
    private int _builds;

    /// <summary>How many variants this process has made (for tests and metrics).</summary>
    public int Builds => _builds;

    public static string NameOf(string sha256, int width, ImageFormat format) => $"{sha256}-w{width}.{format.Extension}";

    public async Task EnsureAsync(string original, string variant, ImageFormat format, int width, CancellationToken ct)
    {
        if (await store.ExistsAsync(variant, ct)) return;
        var build = _building.GetOrAdd(variant, _ => new Lazy<Task>(() => BuildAsync(original, variant, format, width)));
        try
        {
            await build.Value.WaitAsync(ct);
        }
        finally
        {
            // Done (or failed): the file is in place, or the next request tries again.
            _building.TryRemove(KeyValuePair.Create(variant, build));
        }
    }

    // Not cancelled with the request that started it: other requests may be waiting for the same variant.
    private async Task BuildAsync(string original, string variant, ImageFormat format, int width)
    {
        if (await store.ExistsAsync(variant, CancellationToken.None)) return;
        Interlocked.Increment(ref _builds);
        await using var source = await store.OpenReadAsync(original, CancellationToken.None)
            ?? throw new FileNotFoundException($"The image {original} is not in the store.");
        await using var resized = await resizer.ResizeAsync(source, format, width, CancellationToken.None);
        await using var staged = await store.StageAsync(resized, long.MaxValue, CancellationToken.None);
        await store.CommitAsync(staged, variant, CancellationToken.None);
    }
}
