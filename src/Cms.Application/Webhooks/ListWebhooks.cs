using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Webhooks;

public static class ListWebhooks
{
    /// <summary>Every webhook, oldest first, without secrets.</summary>
    public sealed record Query : IQuery<IReadOnlyList<WebhookResponse>>;

    public sealed class Handler(ICmsDb db) : IQueryHandler<Query, IReadOnlyList<WebhookResponse>>
    {
        public async ValueTask<IReadOnlyList<WebhookResponse>> Handle(Query query, CancellationToken ct) =>
            await db.Webhooks.AsNoTracking()
                .OrderBy(w => w.Id)
                .Select(w => new WebhookResponse(w.Id, w.Url, w.Events, w.Active, w.CreatedAt, w.UpdatedAt))
                .ToListAsync(ct);
    }
}
