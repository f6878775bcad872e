using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application;

/// <summary>
/// What the handlers need of the database: the sets, one save per command, and the expected row
/// version for <c>If-Match</c>. The DbContext is the unit of work; there is no repository layer.
/// </summary>
public interface ICmsDb
{
    DbSet<Post> Posts { get; }
    DbSet<Author> Authors { get; }
    DbSet<Tag> Tags { get; }
    DbSet<PostAuthor> PostAuthors { get; }
    DbSet<PostTag> PostTags { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<Image> Images { get; }
    DbSet<Webhook> Webhooks { get; }
    DbSet<OutboxEvent> OutboxEvents { get; }
    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    /// <summary>Makes the save fail with a concurrency error unless the row still has <paramref name="version"/>.</summary>
    void ExpectVersion<TEntity>(TEntity entity, uint version) where TEntity : class;

    /// <summary>Saves <paramref name="entity"/> even if no value changed, so that it gets a new row version.</summary>
    void MarkModified<TEntity>(TEntity entity, string property) where TEntity : class;

    /// <summary>A raw SQL query for what LINQ cannot say well (unnesting arrays, say); the result is composable.</summary>
    IQueryable<TResult> SqlQuery<TResult>(FormattableString sql);

    /// <summary>
    /// Hand-written SQL for the hottest reads, whose shape never changes (a list's ETag, a page's bylines
    /// and tags): it runs through EF's command layer (the open connection and transaction, logging,
    /// interceptors) but not its LINQ pipeline, which cost more CPU per list request than the statements
    /// themselves (docs/performance.md, "Where a list request's time goes"). Parameters are <c>@p0</c>,
    /// <c>@p1</c>, … in the order given; <paramref name="map"/> reads one row.
    /// </summary>
    Task<List<T>> ReadAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> map, CancellationToken ct, params object[] parameters);

    /// <summary>
    /// Until the result is disposed, the statements run in a read transaction in which the planner avoids
    /// sequential scans (<c>SET LOCAL enable_seqscan = off</c>). For search only: PostgreSQL does not charge for
    /// detoasting the stored search vector that <c>@@</c> reads, so for a common word it prefers a parallel
    /// sequential scan that costs 15 times the GIN index (docs/performance.md, "Query plans at 100,000 posts").
    /// </summary>
    Task<IAsyncDisposable> PreferIndexScansAsync(CancellationToken ct);

    /// <summary>Stops tracking every loaded entity: a long import stays flat in memory, and a failed write leaves nothing behind.</summary>
    void ForgetTracked();

    Task<int> SaveChangesAsync(CancellationToken ct = default);
}

/// <summary>Conventions of the hand-written SQL sent through <see cref="ICmsDb.ReadAsync"/>.</summary>
public static class CmsSql
{
    /// <summary>
    /// A statement that starts with this comment is prepared on its connection (parsed once, planned once after
    /// five runs). Only for statements whose best plan is the same whatever the values, and whose text comes in a
    /// bounded number of variants: every distinct text is kept by every connection of the pool.
    /// </summary>
    public const string Prepared = "/* prepared */ ";
}
