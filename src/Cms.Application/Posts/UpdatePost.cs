using Cms.Application.Webhooks;
using FluentValidation;
using Mediator;

namespace Cms.Application.Posts;

public static class UpdatePost
{
    /// <param name="IfMatch">The row version the client last read; null skips the check.</param>
    public sealed record Command(Guid Id, PostInput Input, uint? IfMatch) : ICommand<PostResponse>, IPostWrite;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock) => RuleFor(c => c.Input).NotNull().SetValidator(new PostInputValidator(clock));
    }

    public sealed class Handler(ICmsDb db, PostChanges changes, TimeProvider clock) : ICommandHandler<Command, PostResponse>
    {
        public async ValueTask<PostResponse> Handle(Command command, CancellationToken ct)
        {
            var post = await PostForUpdate.LoadAsync(db, command.Id, command.IfMatch, ct);
            var now = clock.GetUtcNow();
            await changes.ApplyAsync(post, command.Input, isNew: false, now, ct);
            Outbox.PostChanged(db, post, now);
            await db.SaveChangesAsync(ct);
            return await GetPost.ReadAsync(db, post.Id, includeUnpublished: true, now, ct);
        }
    }
}
