using Mediator;

namespace Cms.Application.Tags;

public static class DeleteTag
{
    /// <summary>Deletes a tag; the database removes it from its posts in the same statement (cascade).</summary>
    public sealed record Command(Guid Id, uint? IfMatch) : ICommand;

    public sealed class Handler(ICmsDb db) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var tag = await TagChanges.LoadAsync(db, command.Id, command.IfMatch, ct);
            db.Tags.Remove(tag);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
