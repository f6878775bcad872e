using System.Security.Claims;
using System.Text.Encodings.Web;
using Cms.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cms.Api.Auth;

public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ApiKeys.Read(Request);
        // Health checks and Swagger UI's files need no key: one sent there is not even looked up.
        if (key is null || Request.Path.StartsWithSegments("/health") || Request.Path.StartsWithSegments("/swagger"))
            return AuthenticateResult.NoResult();
        var verified = await verifier.VerifyAsync(key, Context.RequestAborted);
        if (verified.Scope is not { } scope) return AuthenticateResult.Fail("The API key is not valid.");
        List<Claim> claims = scope == ApiKeyScope.Admin
            ? [new(Scopes.ClaimType, Scopes.Admin), new(Scopes.ClaimType, Scopes.Content)]
            : [new(Scopes.ClaimType, Scopes.Content)];
        claims.Add(new(Scopes.KeyIdClaimType, verified.Id?.ToString() ?? "bootstrap"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = ApiKeys.Read(Request) is null
            ? "This call needs an API key: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."
            : "The API key is not valid.";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The API key does not have the scope this call needs.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
