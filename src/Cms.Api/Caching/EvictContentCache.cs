using Mediator;
using Microsoft.AspNetCore.OutputCaching;

namespace Cms.Api.Caching;

/// <summary>
/// The one place where writes empty the output cache: after every command's handler, whether it
/// succeeded or not (an import commits post by post and can fail half-way), and before the endpoint
/// writes its answer. So when a write's response arrives, no reader can be served what was there before.
/// </summary>
public sealed class EvictContentCache<TMessage, TResponse>(IOutputCacheStore store) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is not IBaseCommand) return await next(message, ct);
        try
        {
            return await next(message, ct);
        }
        finally
        {
            await store.EvictByTagAsync(ContentCache.Tag, CancellationToken.None);
        }
    }
}
