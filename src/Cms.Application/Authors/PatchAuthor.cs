using Cms.Application.Webhooks;
using System.Text.Json;
using Cms.Application.Common;
using FluentValidation;
using Mediator;

namespace Cms.Application.Authors;

public static class PatchAuthor
{
    public sealed record Command(Guid Id, JsonElement Patch, uint? IfMatch) : ICommand<AuthorResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Patch.ValueKind).Equal(JsonValueKind.Object)
            .OverridePropertyName("$").WithMessage("A merge patch must be a JSON object.");
    }

    public sealed class Handler(ICmsDb db, AuthorChanges changes, IValidator<AuthorInput> validator, TimeProvider clock)
        : ICommandHandler<Command, AuthorResponse>
    {
        public async ValueTask<AuthorResponse> Handle(Command command, CancellationToken ct)
        {
            var author = await AuthorChanges.LoadAsync(db, command.Id, command.IfMatch, ct);
            var input = MergePatch.ApplyTo(AuthorInput.From(author), command.Patch);
            await validator.ValidateOrThrowAsync(input, ct);
            var now = clock.GetUtcNow();
            await changes.ApplyAsync(author, input, isNew: false, now, ct);
            Outbox.AuthorChanged(db, WebhookEvents.AuthorUpdated, author, now);
            await db.SaveChangesAsync(ct);
            return await AuthorChanges.ReadAsync(db, author.Id, isAdmin: true, now, ct);
        }
    }
}
