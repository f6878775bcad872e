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
            var author = new Author("new", command.Input.Name, clock.GetUtcNow());
            await changes.ApplyAsync(author, command.Input, isNew: true, ct);
            db.Authors.Add(author);
            await db.SaveChangesAsync(ct);
            return await AuthorChanges.ReadAsync(db, author.Id, isAdmin: true, clock.GetUtcNow(), ct);
        }
    }
}
