using Cms.Application.Common.Exceptions;
using Cms.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Webhooks;

public static class GetWebhook
{
    public sealed record Query(Guid Id) : IQuery<WebhookDetails>;

    public sealed class Handler(ICmsDb db) : IQueryHandler<Query, WebhookDetails>
    {
        public async ValueTask<WebhookDetails> Handle(Query query, CancellationToken ct)
        {
            var deliveries = db.WebhookDeliveries.Where(d => d.WebhookId == query.Id);
            return await db.Webhooks.AsNoTracking()
                .Where(w => w.Id == query.Id)
                .Select(w => new WebhookDetails(w.Id, w.Url, w.Events, w.Active, w.CreatedAt, w.UpdatedAt, new DeliveryStats(
                    deliveries.Sum(d => d.Attempts),
                    deliveries.Count(d => d.Status == DeliveryStatus.Delivered),
                    deliveries.Count(d => d.Status == DeliveryStatus.Pending),
                    deliveries.Count(d => d.Status == DeliveryStatus.Failed),
                    deliveries.Max(d => d.LastAttemptAt),
                    deliveries.Where(d => d.LastAttemptAt != null).OrderByDescending(d => d.LastAttemptAt).Select(d => d.LastResponseStatus).FirstOrDefault())))
                .FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("Webhook", query.Id.ToString());
        }
    }
}
