using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cms.Api.Caching;

/// <summary>
/// The output cache of public reads: ASP.NET Core's middleware with <see cref="ContentCachePolicy"/>
/// on the read routes of posts, authors, tags, categories and images, <see cref="ContentCacheStore"/>
/// as its memory, <see cref="EvictContentCache{TMessage,TResponse}"/> evicting what a command changed
/// once it has run, and <see cref="ContentChangeListener"/> emptying it after every change another
/// process commits.
/// </summary>
public static class ContentCache
{
    /// <summary>
    /// The tag of every cached read: evicting it empties the cache. Every write but a post's does (an author, a
    /// tag or an image is embedded in posts and lists alike), and so does a change committed by another process.
    /// </summary>
    public const string Tag = "content";

    /// <summary>
    /// The tag of every cached read that is not one post: post lists and counts, categories, and every author,
    /// tag and image answer (a post write may change what they count or list). A post write evicts this tag and
    /// its own post's; other posts' answers stay, because a post's answer holds nothing of another post.
    /// </summary>
    public const string Listing = "content:listing";

    /// <summary>The tag of the cached answers that show post <paramref name="id"/> alone (by id or by slug).</summary>
    public static string Post(Guid id) => "post:" + id.ToString("N");

    private const string ShownPostItem = "cms:shown-post";

    /// <summary>
    /// Tells the output cache that this answer shows one post and nothing else: it is stored under that post's
    /// tag instead of <see cref="Listing"/>, so writes to other posts leave it in place.
    /// </summary>
    public static void ShowsPost(HttpContext context, Guid id) => context.Items[ShownPostItem] = id;

    /// <summary>The tags of a stored answer besides <see cref="Tag"/>: its post's, else <see cref="Listing"/>.</summary>
    internal static string DependencyTag(HttpContext context) =>
        context.Items.TryGetValue(ShownPostItem, out var id) && id is Guid post ? Post(post) : Listing;

    public static IServiceCollection AddCmsOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutputCacheSettings>(configuration.GetSection(OutputCacheSettings.Section));
        services.AddOutputCache(o =>
        {
            // Slugs are case-sensitive: /slug/Abc is not /slug/abc.
            o.UseCaseSensitivePaths = true;
            o.MaximumBodySize = 4 * 1024 * 1024;
        });
        services.AddSingleton<ContentCacheStore>();
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<ContentCacheStore>());
        services.AddSingleton<ContentChangeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentChangeListener>());
        return services;
    }

    /// <summary>After authorization: a cached answer goes only to a request that may see it, and the rate limit still counts it.</summary>
    public static IApplicationBuilder UseCmsOutputCache(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<OutputCacheSettings>>().Value.Enabled) app.UseOutputCache();
        return app;
    }

    /// <summary>Marks a group of public read routes as cacheable.</summary>
    public static RouteGroupBuilder CachePublicReads(this RouteGroupBuilder group) => group.CacheOutput(ContentCachePolicy.Instance);
}
