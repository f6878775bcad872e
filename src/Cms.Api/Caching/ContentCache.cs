using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cms.Api.Caching;

/// <summary>
/// The output cache of public reads: ASP.NET Core's middleware with <see cref="ContentCachePolicy"/>
/// on the read routes of posts, authors, tags, categories and images, <see cref="ContentCacheStore"/>
/// as its memory, <see cref="EvictContentCache{TMessage,TResponse}"/> emptying it after every command
/// and <see cref="ContentChangeListener"/> after every change another process commits.
/// </summary>
public static class ContentCache
{
    /// <summary>
    /// The one tag of every cached read. Posts embed authors, tags and images, and lists and counts
    /// summarize posts, so nearly every write changes many kinds of answer; one tag for all of them
    /// cannot forget a dependency, and writes are rare next to reads.
    /// </summary>
    public const string Tag = "content";

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
