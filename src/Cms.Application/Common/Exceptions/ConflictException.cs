namespace Cms.Application.Common.Exceptions;

/// <summary>The request is valid but clashes with the current state (a taken slug, an author with posts).</summary>
public sealed class ConflictException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
