using Cms.Application.Common;
using Mediator;

namespace Cms.Application.Webhooks;

public static class DeleteWebhook
{
    /// <summary>Deletes a webhook and its deliveries (pending ones are not sent); the events stay for other webhooks.</summary>
    public sealed record Command(Guid Id) : ICommand, IChangesNoContent;

    public sealed class Handler(ICmsDb db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            db.Webhooks.Remove(await WebhookLoad.LoadAsync(db, command.Id, ct));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
