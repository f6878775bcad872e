using Cms.Application.Webhooks;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using FluentValidation;
using Mediator;
using ValidationException = Cms.Application.Common.Exceptions.ValidationException;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Authors;

public static class DeleteAuthor
{
    /// <param name="ReassignTo">Slug of the author who takes over this author's posts; without it, an author with posts is a 409.</param>
    public sealed record Command(Guid Id, string? ReassignTo, uint? IfMatch) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.ReassignTo!).Must(Slug.IsValid).When(c => c.ReassignTo is not null)
            .WithMessage("'reassignTo' must be an author slug.");
    }

    public sealed class Handler(ICmsDb db, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var author = await AuthorChanges.LoadAsync(db, command.Id, command.IfMatch, ct);
            var posts = await db.Posts
                .Where(p => p.Authors.Any(a => a.AuthorId == author.Id))
                .Include(p => p.Authors).ThenInclude(a => a.Author)
                .ToListAsync(ct);
            var heir = command.ReassignTo is null ? null
                : await db.Authors.FirstOrDefaultAsync(a => a.Slug == command.ReassignTo && a.Id != author.Id, ct)
                  ?? throw new ValidationException("reassignTo", $"No other author has the slug '{command.ReassignTo}'.");
            if (posts.Count > 0)
            {
                if (heir is null)
                    throw new ConflictException($"The author still has {posts.Count} post(s). Delete them first or pass ?reassignTo=<author slug>.");
                var now = clock.GetUtcNow();
                foreach (var post in posts)
                {
                    post.SetAuthors([.. post.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId == author.Id ? heir : a.Author)]);
                    Posts.EmbeddedChanges.Touch(db, post, now);
                }
            }
            db.Authors.Remove(author);
            Outbox.AuthorChanged(db, WebhookEvents.AuthorDeleted, author, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
