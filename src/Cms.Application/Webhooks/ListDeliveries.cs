using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Webhooks;

public static class ListDeliveries
{
    public const int MaxLimit = 200;

    /// <summary>A webhook's most recent deliveries, newest event first.</summary>
    public sealed record Query(Guid WebhookId, int Limit) : IQuery<IReadOnlyList<DeliveryResponse>>;

    public sealed class Handler(ICmsDb db) : IQueryHandler<Query, IReadOnlyList<DeliveryResponse>>
    {
        public async ValueTask<IReadOnlyList<DeliveryResponse>> Handle(Query query, CancellationToken ct)
        {
            if (!await db.Webhooks.AnyAsync(w => w.Id == query.WebhookId, ct)) throw new NotFoundException("Webhook", query.WebhookId.ToString());
            return await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.WebhookId == query.WebhookId)
                .Join(db.OutboxEvents, d => d.EventId, e => e.Id, (d, e) => new { d, e })
                .OrderByDescending(x => x.e.Id)
                .Take(Math.Clamp(query.Limit, 1, MaxLimit))
                .Select(x => new DeliveryResponse(x.d.Id, x.e.Id, x.e.Type, x.e.OccurredAt, x.d.Status, x.d.Attempts,
                    x.d.NextAttemptAt, x.d.LastAttemptAt, x.d.LastResponseStatus, x.d.LastError))
                .ToListAsync(ct);
        }
    }
}
