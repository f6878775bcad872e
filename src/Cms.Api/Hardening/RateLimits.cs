using System.Globalization;
using System.Threading.RateLimiting;
using Cms.Api.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cms.Api.Hardening;

/// <summary><c>Cms:RateLimits</c> settings: requests per minute for each client (a key, or an address without one).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Cms:RateLimits";

    public bool Enabled { get; set; } = true;
    public int ReadsPerMinute { get; set; } = 600;
    public int WritesPerMinute { get; set; } = 120;
    /// <summary>Requests with a wrong key, per address: past it, even a right key gets 429 until the window ends.</summary>
    public int FailedAuthPerMinute { get; set; } = 10;
}

/// <summary>
/// The budgets, as ASP.NET Core's partitioned fixed-window limiters: reads and writes per client,
/// and failed authentications per address, which is what slows down anyone guessing keys.
/// </summary>
public sealed class RateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _reads;
    private readonly PartitionedRateLimiter<string> _writes;
    private readonly PartitionedRateLimiter<string> _failedAuth;
    private readonly RateLimitOptions _options;

    public RateLimits(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        _reads = Create(_options.ReadsPerMinute);
        _writes = Create(_options.WritesPerMinute);
        _failedAuth = Create(_options.FailedAuthPerMinute);
    }

    public bool Enabled => _options.Enabled;

    public (PartitionedRateLimiter<string> Limiter, string Policy, int Quota) For(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            ? (_reads, "reads", _options.ReadsPerMinute)
            : (_writes, "writes", _options.WritesPerMinute);

    public PartitionedRateLimiter<string> FailedAuth => _failedAuth;

    public int FailedAuthQuota => _options.FailedAuthPerMinute;

    /// <summary>The client a budget belongs to: its key when it has a valid one, else its address.</summary>
    public static string ClientOf(HttpContext context) =>
        context.User.FindFirst(Scopes.KeyIdClaimType)?.Value is { } key ? "key:" + key : AddressOf(context);

    public static string AddressOf(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>The IETF RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers).</summary>
    public static void SetHeaders(HttpResponse response, string policy, int quota, long remaining, TimeSpan? reset)
    {
        response.Headers["RateLimit-Policy"] = $"\"{policy}\";q={quota};w=60";
        var value = $"\"{policy}\";r={Math.Max(0, remaining)}";
        if (reset is { } t) value += ";t=" + Math.Ceiling(t.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit"] = value;
    }

    public static async Task RejectAsync(HttpContext context, RateLimitLease lease, string detail)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4", Status = 429, Title = "Too many requests", Detail = detail,
            },
        });
    }

    public void Dispose()
    {
        _reads.Dispose();
        _writes.Dispose();
        _failedAuth.Dispose();
    }
}

/// <summary>Spends one request of the client's read or write budget; health checks are exempt.</summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!limits.Enabled || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }
        var (limiter, policy, quota) = limits.For(context.Request);
        var client = RateLimits.ClientOf(context);
        using var lease = limiter.AttemptAcquire(client);
        var remaining = limiter.GetStatistics(client)?.CurrentAvailablePermits ?? 0;
        if (!lease.IsAcquired)
        {
            var reset = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
            RateLimits.SetHeaders(context.Response, policy, quota, 0, reset);
            await RateLimits.RejectAsync(context, lease, $"This client has used its {quota} {policy} a minute. Wait for Retry-After seconds.");
            return;
        }
        // Set as the answer starts: an error answer (the exception handler clears headers) keeps them too.
        context.Response.OnStarting(() =>
        {
            RateLimits.SetHeaders(context.Response, policy, quota, remaining, null);
            return Task.CompletedTask;
        });
        await next(context);
    }
}

/// <summary>
/// Before any key is checked: an address that has sent too many wrong keys gets 429, right key or not,
/// so guessing keys costs a minute per few guesses.
/// </summary>
public sealed class FailedAuthThrottle(RequestDelegate next, RateLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (limits.Enabled && ApiKeys.Read(context.Request) is not null)
        {
            using var peek = limits.FailedAuth.AttemptAcquire(RateLimits.AddressOf(context), 0);
            if (!peek.IsAcquired)
            {
                RateLimits.SetHeaders(context.Response, "failed-auth", limits.FailedAuthQuota, 0,
                    peek.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null);
                await RateLimits.RejectAsync(context, peek, "Too many requests with a wrong API key from this address.");
                return;
            }
        }
        await next(context);
    }
}
