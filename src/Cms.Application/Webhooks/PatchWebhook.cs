using System.Text.Json;
using Cms.Application.Common;
using FluentValidation;
using Mediator;

namespace Cms.Application.Webhooks;

public static class PatchWebhook
{
    /// <param name="Patch">A JSON merge patch (RFC 7396) of url, events, active and secret.</param>
    public sealed record Command(Guid Id, JsonElement Patch) : ICommand<WebhookResponse>, IChangesNoContent;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Patch.ValueKind).Equal(JsonValueKind.Object)
            .OverridePropertyName("$").WithMessage("A merge patch must be a JSON object.");
    }

    public sealed class Handler(ICmsDb db, IValidator<WebhookInput> validator, TimeProvider clock) : ICommandHandler<Command, WebhookResponse>
    {
        public async ValueTask<WebhookResponse> Handle(Command command, CancellationToken ct)
        {
            var webhook = await WebhookLoad.LoadAsync(db, command.Id, ct);
            var input = MergePatch.ApplyTo(WebhookInput.From(webhook), command.Patch);
            await validator.ValidateOrThrowAsync(input, ct);
            webhook.Change(input.Url, WebhookLoad.Normalize(input.Events), input.Active ?? true, clock.GetUtcNow());
            if (input.Secret is not null) webhook.RotateSecret(input.Secret);
            await db.SaveChangesAsync(ct);
            return WebhookLoad.ToResponse(webhook);
        }
    }
}
