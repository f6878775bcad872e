namespace Cms.Api.Hardening;

/// <summary>
/// Headers that make every answer safe to hand to a browser: no sniffing, no framing, no referrer,
/// a CSP that allows nothing on API responses and just enough for Swagger UI, and no shared caching
/// of anything a key unlocked.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    // Swagger UI loads its own scripts and styles from /swagger, sets inline styles and data: icons,
    // and calls the API on the same origin; nothing else is allowed.
    private const string SwaggerPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerPolicy : ApiPolicy;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                // What a key unlocks (drafts, emails) must not be served to others by a shared cache.
                headers.Append(Microsoft.Net.Http.Headers.HeaderNames.Vary, "Authorization, X-Api-Key");
                if (Auth.ApiKeys.Read(context.Request) is not null && !headers.CacheControl.Any())
                    headers.CacheControl = "private";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>A JSON body over <see cref="BodyLimitOptions.MaxJsonBodyBytes"/> is a 413 before it is read.</summary>
public sealed class BodyLimit(RequestDelegate next, Microsoft.Extensions.Options.IOptions<BodyLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxJsonBodyBytes;
        var isJson = context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        if (isJson && context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 413, Title = "Payload too large", Detail = $"JSON bodies are limited to {limit} bytes.",
                },
            });
            return;
        }
        // A body without a declared length (chunked) is cut off by the server at the same size.
        if (isJson && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        await next(context);
    }
}
