namespace Cms.Api.Auth;

/// <summary>
/// A request that presents a key we do not know is a 401 even on a public route: a typo in a
/// frontend's key should fail loudly, not quietly fall back to anonymous access.
/// </summary>
public sealed class RejectInvalidKeys(RequestDelegate next, Hardening.RateLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true && ApiKeys.Read(context.Request) is not null
            && context.Request.Path.StartsWithSegments("/api"))
        {
            // Every wrong key spends the address's failed-authentication budget (FailedAuthThrottle).
            if (limits.Enabled) limits.FailedAuth.AttemptAcquire(Hardening.RateLimits.AddressOf(context)).Dispose();
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.ChallengeAsync(context);
            return;
        }
        await next(context);
    }
}
