using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Application.Posts;

/// <summary>A preview link for one post.</summary>
/// <param name="Token">Send it as ?preview= on GET /api/v1/posts/{id}.</param>
/// <param name="Url">The path that shows the post with this token.</param>
public sealed record PreviewResponse(string Token, DateTimeOffset ExpiresAt, string Url);

public static class PreviewPost
{
    public sealed record Command(Guid Id) : ICommand<PreviewResponse>, IChangesNoContent;

    public sealed class Handler(ICmsDb db, PreviewTokens tokens, IOptions<PreviewOptions> options, TimeProvider clock)
        : ICommandHandler<Command, PreviewResponse>
    {
        public async ValueTask<PreviewResponse> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Posts.AnyAsync(p => p.Id == command.Id, ct)) throw new NotFoundException("Post", command.Id.ToString());
            var expiresAt = clock.GetUtcNow().Add(options.Value.Lifetime);
            var token = await tokens.CreateAsync(command.Id, expiresAt, ct);
            return new PreviewResponse(token, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()),
                $"/api/v1/posts/{command.Id}?preview={token}");
        }
    }
}
