namespace Cms.Api.Auth;

/// <summary>Where a request carries its key.</summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key from <c>Authorization: Bearer</c> or <c>X-Api-Key</c>, if the request carries one.</summary>
    public static string? Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return NullIfEmpty(authorization["Bearer ".Length..].Trim());
        return NullIfEmpty(request.Headers[HeaderName].ToString().Trim());
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

public static class Scopes
{
    public const string ClaimType = "scope";
    public const string KeyIdClaimType = "key_id";
    public const string Content = "content";
    public const string Admin = "admin";

    public static bool IsAdmin(this System.Security.Claims.ClaimsPrincipal user) => user.HasClaim(ClaimType, Admin);
}

public static class AuthPolicies
{
    /// <summary>Reading published content: anyone, unless <c>Cms:Auth:PublicReads</c> is false.</summary>
    public const string Read = "read";
    /// <summary>Writes, drafts, and everything else.</summary>
    public const string Admin = "admin";
}
