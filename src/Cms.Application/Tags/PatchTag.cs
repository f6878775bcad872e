using Cms.Application.Webhooks;
using System.Text.Json;
using Cms.Application.Common;
using FluentValidation;
using Mediator;

namespace Cms.Application.Tags;

public static class PatchTag
{
    public sealed record Command(Guid Id, JsonElement Patch, uint? IfMatch) : ICommand<TagResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Patch.ValueKind).Equal(JsonValueKind.Object)
            .OverridePropertyName("$").WithMessage("A merge patch must be a JSON object.");
    }

    public sealed class Handler(ICmsDb db, TagChanges changes, IValidator<TagInput> validator, TimeProvider clock)
        : ICommandHandler<Command, TagResponse>
    {
        public async ValueTask<TagResponse> Handle(Command command, CancellationToken ct)
        {
            var tag = await TagChanges.LoadAsync(db, command.Id, command.IfMatch, ct);
            var input = MergePatch.ApplyTo(TagInput.From(tag), command.Patch);
            await validator.ValidateOrThrowAsync(input, ct);
            var now = clock.GetUtcNow();
            await changes.ApplyAsync(tag, input, isNew: false, now, ct);
            Outbox.TagChanged(db, WebhookEvents.TagUpdated, tag, now);
            await db.SaveChangesAsync(ct);
            return await TagChanges.ReadAsync(db, tag.Id, includeUnpublished: true, now, ct);
        }
    }
}
