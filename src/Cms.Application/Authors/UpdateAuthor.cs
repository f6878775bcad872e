using Cms.Application.Webhooks;
using FluentValidation;
using Mediator;

namespace Cms.Application.Authors;

public static class UpdateAuthor
{
    public sealed record Command(Guid Id, AuthorInput Input, uint? IfMatch) : ICommand<AuthorResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Input).NotNull().SetValidator(new AuthorInputValidator());
    }

    public sealed class Handler(ICmsDb db, AuthorChanges changes, TimeProvider clock) : ICommandHandler<Command, AuthorResponse>
    {
        public async ValueTask<AuthorResponse> Handle(Command command, CancellationToken ct)
        {
            var author = await AuthorChanges.LoadAsync(db, command.Id, command.IfMatch, ct);
            var now = clock.GetUtcNow();
            await changes.ApplyAsync(author, command.Input, isNew: false, now, ct);
            Outbox.AuthorChanged(db, WebhookEvents.AuthorUpdated, author, now);
            await db.SaveChangesAsync(ct);
            return await AuthorChanges.ReadAsync(db, author.Id, isAdmin: true, now, ct);
        }
    }
}
