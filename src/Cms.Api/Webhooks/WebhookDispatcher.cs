using Cms.Application.Webhooks;
using Cms.Domain;
using Cms.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Api.Webhooks;

/// <summary>
/// The background half of webhooks. Each round: announce scheduled posts whose time has come, turn
/// new outbox events into deliveries (one per interested webhook), then send the deliveries that are
/// due. All state is in PostgreSQL and every step claims rows with <c>FOR UPDATE SKIP LOCKED</c>, so
/// several instances can run it side by side and a restart loses nothing.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, WebhookSender sender, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int EventBatch = 100;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Each step on its own: a failing one (the database away, say) does not hold up the others,
            // and nothing it did not commit is marked done, so the next round takes it up again.
            await StepAsync(AnnounceScheduledPostsAsync, stoppingToken);
            await StepAsync(async ct => { while (await DispatchEventsAsync(ct)) { } }, stoppingToken);
            await StepAsync(async ct => { while (await SendDueAsync(settings, ct)) { } }, stoppingToken);
            await StepAsync(ct => PruneAsync(settings, ct), stoppingToken);
            // Polling waits on the real clock; due times use TimeProvider, so tests can move them.
            try { await Task.Delay(settings.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task StepAsync(Func<CancellationToken, Task> step, CancellationToken stoppingToken)
    {
        try
        {
            await step(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Webhook dispatch step failed");
        }
    }

    /// <summary>post.published for published posts whose date has passed and that were never announced.</summary>
    private async Task AnnounceScheduledPostsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Posts.FromSql($"""
            SELECT *, xmin FROM posts
            WHERE status = 'published' AND published_at <= {now} AND published_event_at IS NULL
            ORDER BY published_at LIMIT {EventBatch}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (due.Count == 0) return;
        foreach (var post in due) Outbox.PostChanged(db, post, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Makes the deliveries of a batch of new events; false when there was nothing to do.</summary>
    private async Task<bool> DispatchEventsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var events = await db.OutboxEvents.FromSql($"""
            SELECT * FROM outbox_events WHERE dispatched_at IS NULL
            ORDER BY id LIMIT {EventBatch}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (events.Count == 0) return false;
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.Active).ToListAsync(ct);
        foreach (var e in events)
        {
            // A webhook hears of what happened after it was created, not of older events still in the outbox.
            foreach (var webhook in webhooks.Where(w => w.CreatedAt <= e.OccurredAt && w.Wants(e.Type)))
                db.WebhookDeliveries.Add(new WebhookDelivery(e.Id, webhook.Id, now));
            e.MarkDispatched(now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return events.Count == EventBatch;
    }

    /// <summary>Claims a batch of due deliveries and sends them; false when fewer than a batch were due.</summary>
    private async Task<bool> SendDueAsync(WebhookOptions settings, CancellationToken ct)
    {
        IReadOnlyList<Guid> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var now = clock.GetUtcNow();
            // The claim is a lease: the due time moves past the attempt's timeout in one committed
            // statement, so no other instance takes the delivery meanwhile, and if this process dies
            // mid-attempt the delivery is simply due again once the lease runs out.
            var lease = now + settings.Timeout + TimeSpan.FromSeconds(30);
            claimed = await db.Database.SqlQuery<Guid>($"""
                UPDATE webhook_deliveries SET next_attempt_at = {lease}
                WHERE id IN (
                    SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= {now} AND w.active
                    ORDER BY d.next_attempt_at, d.id LIMIT {settings.BatchSize}
                    FOR UPDATE OF d SKIP LOCKED)
                RETURNING id AS "Value"
                """).ToListAsync(ct);
        }
        if (claimed.Count == 0) return false;
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (id, token) => await AttemptAsync(id, settings, token));
        return claimed.Count == settings.BatchSize;
    }

    private async Task AttemptAsync(Guid deliveryId, WebhookOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        // The webhook (and with it the delivery) may have been deleted since the claim.
        if (await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct) is not { } delivery) return;
        var e = await db.OutboxEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == delivery.EventId, ct);
        var webhook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == delivery.WebhookId, ct);
        if (e is null || webhook is null) return;

        var outcome = await sender.SendAsync(webhook, e, ct);
        var now = clock.GetUtcNow();
        if (outcome.Succeeded) delivery.Succeeded(now, outcome.Status!.Value);
        else delivery.AttemptFailed(now, outcome.Status, outcome.Error!, settings.MaxAttempts, attempts => Backoff(settings.RetryDelay, attempts));
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // the webhook was deleted during the attempt, and its deliveries with it
        }
        if (delivery.Status == DeliveryStatus.Failed)
            logger.LogWarning("Webhook {WebhookId} gave up on event {EventId} after {Attempts} attempts: {Error}", webhook.Id, e.Id, delivery.Attempts, delivery.LastError);
    }

    /// <summary>
    /// Once an hour, deletes events older than the retention with nothing pending, and with them
    /// (cascade) their delivered and failed deliveries. A plain scan: the table holds only the
    /// retention period, and it runs hourly.
    /// </summary>
    private async Task PruneAsync(WebhookOptions settings, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromHours(1)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var cutoff = now - settings.Retention;
        await db.OutboxEvents
            .Where(e => e.OccurredAt < cutoff && e.DispatchedAt != null
                && !db.WebhookDeliveries.Any(d => d.EventId == e.Id && d.Status == DeliveryStatus.Pending))
            .ExecuteDeleteAsync(ct);
        _lastPrune = now;
    }

    /// <summary>RetryDelay × 2^(attempts − 1), plus up to 20% jitter so a receiver that was down is not hit by every retry at once.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempts)
    {
        var delay = first * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay + delay * (Random.Shared.NextDouble() * 0.2);
    }
}
