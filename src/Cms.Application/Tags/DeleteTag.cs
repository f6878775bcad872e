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
            await Posts.EmbeddedChanges.TouchPostsWithTagAsync(db, tag.Id, clock.GetUtcNow(), ct);
            db.Tags.Remove(tag);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
