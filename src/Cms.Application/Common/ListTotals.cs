using Microsoft.Extensions.Caching.Memory;

namespace Cms.Application.Common;

/// <summary>
/// The <c>pagination.total</c> of lists, remembered under the list's ETag. That ETag changes with every
/// committed change to the content and whenever a scheduled post becomes visible (see
/// <see cref="ListVersions"/>), so a total stored under it is the count of exactly that state and can
/// never be served stale; no eviction is needed. Counting is what a list costs most once it has an index
/// to walk (all published posts, a common tag or a common word match tens of thousands of rows), and every
/// page of one list has the same total: paging through it counts once per content change, not per page.
/// The ETag is read from the database on every request, so this holds across instances too.
/// </summary>
public sealed class ListTotals(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <param name="etag">The list's ETag, read before the list.</param>
    /// <param name="filters">Everything but paging, order and fields that selects the rows (see <see cref="Cursors.Fingerprint"/>).</param>
    /// <param name="count">Counts the rows, when the total is not known yet.</param>
    public async Task<int> CountAsync(string etag, string filters, Func<CancellationToken, Task<int>> count, CancellationToken ct)
    {
        var key = new Key(etag, filters);
        if (cache.TryGetValue(key, out int total)) return total;
        total = await count(ct);
        cache.Set(key, total, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return total;
    }

    private sealed record Key(string ETag, string Filters);
}
