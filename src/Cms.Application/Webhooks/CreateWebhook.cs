using Cms.Application.Common;
using Cms.Domain;
using FluentValidation;
using Mediator;

namespace Cms.Application.Webhooks;

public static class CreateWebhook
{
    public sealed record Command(WebhookInput Input) : ICommand<CreatedWebhookResponse>, IChangesNoContent;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Input).NotNull().SetValidator(new WebhookInputValidator());
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : ICommandHandler<Command, CreatedWebhookResponse>
    {
        public async ValueTask<CreatedWebhookResponse> Handle(Command command, CancellationToken ct)
        {
            var input = command.Input;
            var secret = input.Secret ?? WebhookSecrets.Generate();
            var webhook = new Webhook(input.Url, WebhookLoad.Normalize(input.Events), secret, input.Active ?? true, clock.GetUtcNow());
            db.Webhooks.Add(webhook);
            await db.SaveChangesAsync(ct);
            return new CreatedWebhookResponse(webhook.Id, webhook.Url, webhook.Events, webhook.Active, webhook.CreatedAt, webhook.UpdatedAt, secret);
        }
    }
}
