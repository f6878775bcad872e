using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cms.Application.Common;

/// <summary>Says what is wrong with a JSON body without leaking .NET type names.</summary>
public static partial class JsonErrors
{
    public static (string Field, string Message) Describe(JsonException exception)
    {
        if (UnmappedMember().Match(exception.Message) is { Success: true } unmapped)
            return (unmapped.Groups[1].Value, $"Unknown field '{unmapped.Groups[1].Value}'.");
        var field = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "$";
        if (exception.Message.StartsWith("The text contains", StringComparison.Ordinal)) return (field, exception.Message);
        return (field, exception.Path is { Length: > 2 } ? "The value has the wrong type or is not valid JSON." : "The body is not valid JSON.");
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();
}
