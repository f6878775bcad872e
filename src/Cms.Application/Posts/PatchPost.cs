using Cms.Application.Webhooks;
using System.Text.Json;
using Cms.Application.Common;
using FluentValidation;
using Mediator;

namespace Cms.Application.Posts;

public static class PatchPost
{
    /// <param name="Patch">A JSON merge patch (RFC 7396): absent fields stay, null clears.</param>
    public sealed record Command(Guid Id, JsonElement Patch, uint? IfMatch) : ICommand<PostResponse>, IPostWrite;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Patch.ValueKind).Equal(JsonValueKind.Object)
            .OverridePropertyName("$").WithMessage("A merge patch must be a JSON object.");
    }

    public sealed class Handler(ICmsDb db, PostChanges changes, IValidator<PostInput> validator, TimeProvider clock)
        : ICommandHandler<Command, PostResponse>
    {
        public async ValueTask<PostResponse> Handle(Command command, CancellationToken ct)
        {
            var post = await PostForUpdate.LoadAsync(db, command.Id, command.IfMatch, ct);
            var input = MergePatch.ApplyTo(PostInput.From(post), command.Patch);
            await validator.ValidateOrThrowAsync(input, ct);
            var now = clock.GetUtcNow();
            await changes.ApplyAsync(post, input, isNew: false, now, ct);
            Outbox.PostChanged(db, post, now);
            await db.SaveChangesAsync(ct);
            return await GetPost.ReadAsync(db, post.Id, includeUnpublished: true, now, ct);
        }
    }
}
