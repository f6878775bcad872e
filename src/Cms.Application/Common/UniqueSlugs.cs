using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Common;

public static class UniqueSlugs
{
    /// <summary>
    /// <paramref name="slug"/> if free, else the first free of <c>slug-2</c>, <c>slug-3</c>...;
    /// <paramref name="taken"/> lists the slugs in use that equal the stem or start with <c>stem-</c>.
    /// </summary>
    public static async Task<string> FirstFreeAsync(string slug, Func<string, IQueryable<string>> taken, CancellationToken ct)
    {
        var used = (await taken(slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var candidate = Domain.Slug.WithSuffix(slug, n);
            if (!used.Contains(candidate)) return candidate;
        }
    }
}
