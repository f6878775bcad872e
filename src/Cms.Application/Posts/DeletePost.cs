using Cms.Application.Webhooks;
using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Posts;

public static class DeletePost
{
    public sealed record Command(Guid Id, uint? IfMatch) : ICommand, IPostWrite;

    public sealed class Handler(ICmsDb db, TimeProvider clock, UnseenPostWrites unseen) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == command.Id, ct)
                ?? throw new NotFoundException("Post", command.Id.ToString());
            if (command.IfMatch is { } expected)
            {
                if (post.Version != expected) throw new PreconditionFailedException();
                db.ExpectVersion(post, expected);
            }
            var now = clock.GetUtcNow();
            unseen.Record(post.Id, post.IsVisibleToReadersAt(now), after: null);
            db.Posts.Remove(post);
            Outbox.PostDeleted(db, post, now);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
