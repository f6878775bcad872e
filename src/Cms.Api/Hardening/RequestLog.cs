using System.Diagnostics;

namespace Cms.Api.Hardening;

/// <summary>
/// One line per request: method, route template, status, duration and trace id. The route template,
/// never the raw URL: query strings can carry preview tokens, and headers (keys) are never logged.
/// </summary>
public sealed class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // Off in production set-ups that log at Warning: then no route, trace id or boxed values are made.
            if (logger.IsEnabled(LogLevel.Information)) Log(context, started);
        }
    }

    private void Log(HttpContext context, long started)
    {
        // The exception handler clears the endpoint before it answers; its feature still knows it.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint;
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText is { } raw ? raw.TrimEnd('/') : "(no route)";
        logger.LogInformation("HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms (trace {TraceId})",
            context.Request.Method, route, context.Response.StatusCode,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
    }
}
