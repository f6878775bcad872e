using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Common;

public static class UniqueSlugs
{
    /// <summary>How many suffixes the first look-up tries; each further look-up tries twice as many.</summary>
    private const int FirstBatch = 16;

    /// <summary>
    /// <paramref name="slug"/> if free, else the first free of <c>slug-2</c>, <c>slug-3</c>...;
    /// <paramref name="taken"/> returns which of the given candidates are in use.
    /// </summary>
    /// <remarks>
    /// The candidates are looked up by equality (<c>slug = ANY(...)</c>, the unique index) rather than as
    /// <c>slug LIKE 'stem-%'</c>: under the database's C.UTF-8 collation a LIKE prefix cannot use a btree
    /// index, and that scan of every post cost 36 ms per created post at 100,000 posts (docs/performance.md, W1).
    /// </remarks>
    public static async Task<string> FirstFreeAsync(string slug, Func<string[], IQueryable<string>> taken, CancellationToken ct)
    {
        for (int first = 1, size = FirstBatch; ; first += size, size *= 2)
        {
            var candidates = Enumerable.Range(first, size).Select(n => Domain.Slug.WithSuffix(slug, n)).ToArray();
            var used = (await taken(candidates).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            if (candidates.FirstOrDefault(c => !used.Contains(c)) is { } free) return free;
        }
    }
}
