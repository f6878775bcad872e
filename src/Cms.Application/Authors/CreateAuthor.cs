using Cms.Application.Webhooks;
using Cms.Domain;
using FluentValidation;
using Mediator;

namespace Cms.Application.Authors;

public static class CreateAuthor
{
    public sealed record Command(AuthorInput Input) : ICommand<AuthorResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Input).NotNull().SetValidator(new AuthorInputValidator());
    }

    public sealed class Handler(ICmsDb db, AuthorChanges changes, TimeProvider clock) : ICommandHandler<Command, AuthorResponse>
    {
        public async ValueTask<AuthorResponse> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var author = new Author("", command.Input.Name, now);
            await changes.ApplyAsync(author, command.Input, isNew: true, now, ct);
            db.Authors.Add(author);
            Outbox.AuthorChanged(db, WebhookEvents.AuthorCreated, author, now);
            await db.SaveChangesAsync(ct);
            return await AuthorChanges.ReadAsync(db, author.Id, isAdmin: true, now, ct);
        }
    }
}
