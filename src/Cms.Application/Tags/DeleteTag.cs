using Cms.Application.Webhooks;
using Mediator;

namespace Cms.Application.Tags;

public static class DeleteTag
{
    /// <summary>Deletes a tag; the database removes it from its posts (cascade), which get a new version.</summary>
    public sealed record Command(Guid Id, uint? IfMatch) : ICommand;

    public sealed class Handler(ICmsDb db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var tag = await TagChanges.LoadAsync(db, command.Id, command.IfMatch, ct);
            var now = clock.GetUtcNow();
            await Posts.EmbeddedChanges.TouchPostsWithTagAsync(db, tag.Id, now, ct);
            db.Tags.Remove(tag);
            Outbox.TagChanged(db, WebhookEvents.TagDeleted, tag, now);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
