using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Common;

/// <summary>
/// Weak ETags for lists that cost two index lookups, not the list query: the content version (bumped
/// by a trigger in every transaction that changes posts, authors, tags or their links) and the newest
/// publication time that has come, which moves when a scheduled post becomes visible.
/// </summary>
public sealed class ListVersions(ICmsDb db)
{
    public async Task<string> ETagAsync(string list, bool isAdmin, DateTimeOffset now, CancellationToken ct)
    {
        // Read before the list itself: a change committed in between makes the ETag older than the
        // page, which can only cost a 200, never serve a stale 304.
        // One round trip for both values; the max uses the partial index on published posts.
        var (version, published) = (await db.ReadAsync(ETagSql,
            r => (r.GetInt64(0), r.IsDBNull(1) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(1)), ct, now)).Single();
        return Format(list, version, published, isAdmin);
    }

    /// <summary>The ETag of a list from its two values (see <see cref="VersionColumns"/>).</summary>
    public static string Format(string list, long version, DateTimeOffset? published, bool isAdmin) =>
        $"W/\"{list}-{version}-{published?.UtcTicks ?? 0}{(isAdmin ? "-a" : "")}\"";

    /// <summary>
    /// The two values of a list's ETag as columns another statement can read (as uncorrelated subqueries,
    /// run once per statement), <paramref name="now"/> the placeholder of the current time: a page that reads
    /// them has the ETag of exactly the state it read, in the same round trip.
    /// </summary>
    public static string VersionColumns(string now) =>
        $"(SELECT value FROM content_version), (SELECT max(published_at) FROM posts WHERE status = 'published' AND published_at <= {now})";

    // Hand-written: every list request sends it, and through EF's LINQ pipeline it cost more CPU than the statement.
    private static readonly string ETagSql = "SELECT " + VersionColumns("@p0");

    /// <summary>
    /// The earliest publication still ahead of <paramref name="now"/>: the moment a scheduled post
    /// becomes visible without any write, which no cached answer may outlive. Null when none is planned.
    /// </summary>
    public Task<DateTimeOffset?> NextPublicationAsync(DateTimeOffset now, CancellationToken ct) =>
        db.Posts.Where(p => p.Status == PostStatus.Published && p.PublishedAt > now).MinAsync(p => p.PublishedAt, ct);

    /// <summary>Weak comparison of an <c>If-None-Match</c> header value with <paramref name="etag"/>.</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch)) return false;
        var opaque = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        return ifNoneMatch.Split(',', StringSplitOptions.TrimEntries)
            .Any(candidate => candidate == "*" || (candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate) == opaque);
    }
}
