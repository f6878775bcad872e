using Cms.Api.Auth;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cms.Api.Operations;

/// <summary><c>Cms:Metrics</c>: where Prometheus scrapes <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Cms:Metrics";

    /// <summary><c>admin</c> (default): on the API's port, with an admin key. <c>port</c>: without a key, only on <see cref="Port"/> (keep that port private). <c>off</c>.</summary>
    public string Mode { get; set; } = "admin";

    /// <summary>With Mode=port, the port that serves /metrics; add it to ASPNETCORE_URLS.</summary>
    public int Port { get; set; } = 9464;
}

public static class Observability
{
    /// <summary>
    /// OpenTelemetry traces and metrics for ASP.NET Core, HttpClient and Npgsql; exported over OTLP
    /// when OTEL_EXPORTER_OTLP_ENDPOINT is set, and scraped by Prometheus from /metrics.
    /// </summary>
    public static IServiceCollection AddCmsObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var metrics = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "cms-api"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp) tracing.AddOtlpExporter();
            })
            .WithMetrics(meters =>
            {
                meters.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("Npgsql");
                if (otlp) meters.AddOtlpExporter();
                if (!metrics.Mode.Equals("off", StringComparison.OrdinalIgnoreCase)) meters.AddPrometheusExporter();
            });
        return services;
    }

    public static WebApplication MapCmsMetrics(this WebApplication app)
    {
        var metrics = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        switch (metrics.Mode.ToLowerInvariant())
        {
            case "off":
                return app;
            case "port":
                // The port the connection came in on, not the Host header (which any client can write).
                app.Use((context, next) =>
                {
                    if (context.Request.Path.StartsWithSegments("/metrics") && context.Connection.LocalPort != metrics.Port)
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return Task.CompletedTask;
                    }
                    return next(context);
                });
                app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
                return app;
            default:
                app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(AuthPolicies.Admin).ExcludeFromDescription();
                return app;
        }
    }
}
