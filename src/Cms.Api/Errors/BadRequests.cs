using System.Text.RegularExpressions;

namespace Cms.Api.Errors;

/// <summary>
/// Turns ASP.NET Core's binding failures into messages for API clients: the parameter and what
/// it must look like, never a .NET type name or a hint meant for the server's developers.
/// </summary>
public static partial class BadRequests
{
    public static (string? Field, string Message) Describe(BadHttpRequestException exception)
    {
        var message = exception.Message;
        if (BindFailure().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return (name, $"'{bind.Groups["value"].Value}' is not a valid value for '{name}': expected {Expected(bind.Groups["type"].Value)}.");
        }
        if (message.Contains("no body was provided", StringComparison.Ordinal) || message.Contains("from the request body", StringComparison.Ordinal))
            return (null, "The request needs a JSON body.");
        if (RequiredMissing().Match(message) is { Success: true } missing)
            return (missing.Groups["name"].Value, $"'{missing.Groups["name"].Value}' is required.");
        return (null, "The request could not be read.");
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase) => "a whole number",
        _ when type.Contains("DateTime", StringComparison.OrdinalIgnoreCase) => "an ISO 8601 date and time, e.g. 2026-01-06T22:30:55Z",
        _ when type.Contains("Guid", StringComparison.OrdinalIgnoreCase) => "a UUID",
        _ when type.Contains("bool", StringComparison.OrdinalIgnoreCase) => "true or false",
        _ => "a valid value",
    };

    [GeneratedRegex("""Failed to bind parameter "(?<type>.+) (?<name>[A-Za-z0-9_]+)" from "(?<value>.*)"\.""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "(?<type>.+) (?<name>[A-Za-z0-9_]+)" was not provided""")]
    private static partial Regex RequiredMissing();

    /// <summary>A detail for the bodiless errors that the framework answers itself (no route, wrong method, wrong media type).</summary>
    public static string? DetailFor(int status, HttpContext context) => status switch
    {
        404 => $"Nothing at {context.Request.Path}. The API lives under /api/v1; see /swagger.",
        405 => $"{context.Request.Path} does not accept {context.Request.Method}.",
        415 => "Send the body as application/json (application/merge-patch+json for PATCH).",
        401 => "This call needs an API key.",
        _ => null,
    };
}
