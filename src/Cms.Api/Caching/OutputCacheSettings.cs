namespace Cms.Api.Caching;

/// <summary><c>Cms:OutputCache</c>: the server-side cache of public reads (docs/performance.md, "Output cache").</summary>
public sealed class OutputCacheSettings
{
    public const string Section = "Cms:OutputCache";

    /// <summary>Serve repeated anonymous reads from memory. Writes evict it, so it never serves a stale read.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest an answer is kept. Writes through this process evict at once; this bounds how long a
    /// write made elsewhere (another instance, the import command, psql) can go unseen.
    /// </summary>
    public int MaxDurationSeconds { get; set; } = 60;

    /// <summary>Bodies and keys kept at most, in megabytes; beyond it the cache starts again empty.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;
}
