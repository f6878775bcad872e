using Cms.Application.Webhooks;
using FluentValidation;
using Mediator;

namespace Cms.Application.Tags;

public static class UpdateTag
{
    public sealed record Command(Guid Id, TagInput Input, uint? IfMatch) : ICommand<TagResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Input).NotNull().SetValidator(new TagInputValidator());
    }

    public sealed class Handler(ICmsDb db, TagChanges changes, TimeProvider clock) : ICommandHandler<Command, TagResponse>
    {
        public async ValueTask<TagResponse> Handle(Command command, CancellationToken ct)
        {
            var tag = await TagChanges.LoadAsync(db, command.Id, command.IfMatch, ct);
            var now = clock.GetUtcNow();
            await changes.ApplyAsync(tag, command.Input, isNew: false, now, ct);
            Outbox.TagChanged(db, WebhookEvents.TagUpdated, tag, now);
            await db.SaveChangesAsync(ct);
            return await TagChanges.ReadAsync(db, tag.Id, includeUnpublished: true, now, ct);
        }
    }
}
