using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cms.Api.Hardening;

public static class HardeningSetup
{
    public const string CorsPolicy = "cms";

    public static IServiceCollection AddCmsHardening(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<RateLimits>();
        services.Configure<BodyLimitOptions>(configuration.GetSection(BodyLimitOptions.Section));

        var cors = configuration.GetSection(CorsOptions.Section).Get<CorsOptions>() ?? new CorsOptions();
        services.AddCors(o => o.AddPolicy(CorsPolicy, policy =>
        {
            if (cors.AllowedOrigins.Length > 0) policy.WithOrigins(cors.AllowedOrigins);
            else if (environment.IsDevelopment()) policy.AllowAnyOrigin();
            else policy.WithOrigins([]);
            policy.WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "X-Api-Key", "Content-Type", "If-Match", "If-None-Match")
                .WithExposedHeaders("ETag", "Location", "Link", "Retry-After", "RateLimit", "RateLimit-Policy")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));

        var https = configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status307TemporaryRedirect;
            o.HttpsPort = https.Port;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(https.HstsMaxAgeDays);
            o.IncludeSubDomains = false;
        });

        var forwarded = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed: with none, X-Forwarded-* is ignored entirely.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in forwarded.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in forwarded.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>The transport half of the pipeline, before routing and authentication.</summary>
    public static WebApplication UseCmsTransport(this WebApplication app)
    {
        // With no proxies configured, the middleware would believe anyone: it is left out instead.
        var proxies = app.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        if (proxies.KnownProxies.Length > 0 || proxies.KnownNetworks.Length > 0) app.UseForwardedHeaders();
        var https = app.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        if (https.Redirect && !app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseCors(CorsPolicy);
        app.UseMiddleware<BodyLimit>();
        return app;
    }
}
