namespace Cms.Application.Common.Exceptions;

/// <summary>The body is of a type the endpoint does not accept, whatever its name or declared type: a 415.</summary>
public sealed class UnsupportedMediaTypeException(string message) : Exception(message);
