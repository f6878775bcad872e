using Cms.Application.Common;
using Cms.Application.Posts;
using Cms.Application.Webhooks;
using Cms.Domain;
using Cms.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Api.Caching;

/// <summary>
/// The one place where writes evict the output cache: after every command's handler, whether it
/// succeeded or not (an import commits post by post and can fail half-way), and before the endpoint
/// writes its answer. So when a write's response arrives, no reader can be served what was there before.
/// </summary>
/// <remarks>
/// A post write (<see cref="IPostWrite"/>) whose committed outbox events are all about that post changes
/// that post's answers and the <see cref="ContentCache.Listing"/> ones (lists, counts, the authors, tags
/// and images it names), and those go. Every other command empties the whole cache, which cannot be wrong:
/// an author, a tag or an image is embedded in posts, an import writes posts through units of work of its
/// own, and a post write that also created a tag (tag.created) is treated like any other write of two
/// resources. A command marked <see cref="IChangesNoContent"/> (keys, webhooks, preview links) evicts nothing. A post
/// that readers could see neither before nor after the write (a draft edited as a draft,
/// <see cref="UnseenPostWrites"/>) evicts its own answers only: every listing stays.
/// </remarks>
public sealed class EvictContentCache<TMessage, TResponse>(ContentCacheStore store, CmsDbContext db, UnseenPostWrites unseen)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        // A key, a webhook or a preview link changes nothing a cached (keyless) answer shows.
        if (message is not IBaseCommand || message is IChangesNoContent) return await next(message, ct);
        try
        {
            return await next(message, ct);
        }
        finally
        {
            store.Evict(TagsToEvict(message));
        }
    }

    private string[] TagsToEvict(TMessage message)
    {
        if (message is not IPostWrite) return [ContentCache.Tag];
        // Saved events are Unchanged; one whose save failed is still Added, and nothing of it was committed.
        var posts = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries<OutboxEvent>())
        {
            if (entry.State != EntityState.Unchanged) continue;
            if (!WebhookEvents.IsPostEvent(entry.Entity.Type)) return [ContentCache.Tag];
            posts.Add(entry.Entity.ResourceId);
        }
        if (posts.Count == 0) return [ContentCache.Tag];
        // Drafts written as drafts: no listing a reader can get has changed.
        return unseen.AllUnseen(posts) ? [.. posts.Select(ContentCache.Post)] : [ContentCache.Listing, .. posts.Select(ContentCache.Post)];
    }
}
