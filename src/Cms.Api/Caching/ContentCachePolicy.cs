using Cms.Api.Auth;
using Cms.Application.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Caching;

/// <summary>
/// Which requests the output cache may answer and store: anonymous GETs of published content only.
/// A request with a key (either header) is never looked up nor stored, whatever the key is: admins
/// see drafts, and a wrong key must still get its 401. The middleware runs after authorization, so a
/// cached answer is only ever given to a request that was allowed to see it.
/// </summary>
public sealed class ContentCachePolicy : IOutputCachePolicy
{
    public static readonly ContentCachePolicy Instance = new();

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var settings = http.RequestServices.GetRequiredService<IOptions<OutputCacheSettings>>().Value;
        if (!settings.Enabled || !IsAnonymousRead(http.Request) || http.User.Identity?.IsAuthenticated == true)
        {
            context.EnableOutputCaching = false;
            return;
        }
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        // No request coalescing: a request that arrives after a write returned must not be handed the
        // answer of one that started before it.
        context.AllowLocking = false;
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(ContentCache.Tag);

        var store = http.RequestServices.GetRequiredService<ContentCacheStore>();
        // The generation is read before anything reads the database (see ContentCacheStore.Stamp).
        var generation = store.Generation;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!store.TryGetNextPublication(now, out var next))
        {
            // Once per eviction, or when a scheduled post has come due: the one change that no write announces.
            try
            {
                next = await http.RequestServices.GetRequiredService<ListVersions>().NextPublicationAsync(now, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not knowing when the next post is due, store nothing; entries already kept carry their
                // own expiry, and the handler (with its read retry) decides what this request gets.
                context.AllowCacheStorage = false;
                return;
            }
            store.RememberNextPublication(generation, next);
        }
        var max = TimeSpan.FromSeconds(settings.MaxDurationSeconds);
        var until = next is { } due && due - now < max ? due : now + max;
        context.ResponseExpirationTimeSpan = until - now;
        context.Tags.Add(ContentCacheStore.Stamp(generation, until));
        if (until <= now) context.AllowCacheStorage = false;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Only full successes; a 304 or an error is cheap already, and a preview's private answer must stay private.
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || HeaderUtilities.ContainsCacheDirective(response.Headers.CacheControl, CacheControlHeaderValue.NoStoreString)
            || HeaderUtilities.ContainsCacheDirective(response.Headers.CacheControl, CacheControlHeaderValue.PrivateString))
            context.AllowCacheStorage = false;
        // Known only now: a read by slug learns its post's id from the database.
        else context.Tags.Add(ContentCache.DependencyTag(context.HttpContext));
        return ValueTask.CompletedTask;
    }

    private static bool IsAnonymousRead(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method)) return false;
        if (request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(ApiKeys.HeaderName)) return false;
        // A preview token shows a draft to whoever holds it.
        if (request.Query.ContainsKey("preview")) return false;
        // The key sorts repeated values, while binding reads them in order: such URLs are not worth the doubt.
        return request.Query.All(q => q.Value.Count <= 1);
    }
}
