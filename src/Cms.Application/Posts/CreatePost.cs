using Cms.Application.Webhooks;
using Cms.Domain;
using FluentValidation;
using Mediator;

namespace Cms.Application.Posts;

public static class CreatePost
{
    public sealed record Command(PostInput Input) : ICommand<PostResponse>, IPostWrite;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock) => RuleFor(c => c.Input).NotNull().SetValidator(new PostInputValidator(clock));
    }

    public sealed class Handler(ICmsDb db, PostChanges changes, TimeProvider clock) : ICommandHandler<Command, PostResponse>
    {
        public async ValueTask<PostResponse> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var post = new Post("", now);
            await changes.ApplyAsync(post, command.Input, isNew: true, now, ct);
            db.Posts.Add(post);
            Outbox.PostChanged(db, post, now);
            await db.SaveChangesAsync(ct);
            return await GetPost.ReadAsync(db, post.Id, includeUnpublished: true, now, ct);
        }
    }
}
