using FluentValidation.Results;

namespace Cms.Application.Common.Exceptions;

/// <summary>Invalid input, with the messages per field (camelCase JSON names) that API.md promises.</summary>
public sealed class ValidationException(IDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public ValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public static ValidationException From(IEnumerable<ValidationFailure> failures) => new(
        failures
            .GroupBy(f => FieldName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));

    /// <summary>
    /// <c>Input.Title</c> → <c>title</c>: a command's <c>Input</c> is the request body, so its fields
    /// are reported by the names the client sent.
    /// </summary>
    public static string FieldName(string propertyPath)
    {
        var path = propertyPath.StartsWith("Input.", StringComparison.Ordinal) ? propertyPath["Input.".Length..] : propertyPath;
        return string.Join('.', path.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
    }
}
