using Cms.Application.Common;
using Cms.Domain;
using FluentValidation;
using Mediator;

namespace Cms.Application.Keys;

public static class CreateKey
{
    /// <summary>The body of POST /api/v1/keys.</summary>
    /// <param name="Name">What the key is for, e.g. "Website frontend".</param>
    /// <param name="Scope">content (read published content) or admin (everything).</param>
    public sealed record KeyInput(string Name, ApiKeyScope? Scope);

    public sealed record Command(KeyInput Input) : ICommand<CreatedKeyResponse>, IChangesNoContent;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Input).NotNull();
            RuleFor(c => c.Input.Name).NotEmpty().MaximumLength(200).When(c => c.Input is not null);
            RuleFor(c => c.Input.Scope).NotNull().IsInEnum().When(c => c.Input is not null);
        }
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : ICommandHandler<Command, CreatedKeyResponse>
    {
        public async ValueTask<CreatedKeyResponse> Handle(Command command, CancellationToken ct)
        {
            var secret = KeySecrets.Generate();
            var key = new ApiKey(command.Input.Name.Trim(), command.Input.Scope!.Value, KeySecrets.DisplayPrefix(secret), KeySecrets.Hash(secret), clock.GetUtcNow());
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(ct);
            return new CreatedKeyResponse(key.Id, key.Name, key.Scope, key.Prefix, key.CreatedAt, secret);
        }
    }
}
