using Cms.Application.Webhooks;
using Cms.Domain;
using FluentValidation;
using Mediator;

namespace Cms.Application.Tags;

public static class CreateTag
{
    public sealed record Command(TagInput Input) : ICommand<TagResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Input).NotNull().SetValidator(new TagInputValidator());
    }

    public sealed class Handler(ICmsDb db, TagChanges changes, TimeProvider clock) : ICommandHandler<Command, TagResponse>
    {
        public async ValueTask<TagResponse> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var tag = new Tag("", command.Input.Name, now);
            await changes.ApplyAsync(tag, command.Input, isNew: true, now, ct);
            db.Tags.Add(tag);
            Outbox.TagChanged(db, WebhookEvents.TagCreated, tag, now);
            await db.SaveChangesAsync(ct);
            return await TagChanges.ReadAsync(db, tag.Id, includeUnpublished: true, now, ct);
        }
    }
}
