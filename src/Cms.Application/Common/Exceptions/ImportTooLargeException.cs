namespace Cms.Application.Common.Exceptions;

/// <summary>An import over one of the <c>Cms:Import</c> limits (files, uncompressed bytes): a 413 that imports nothing.</summary>
public sealed class ImportTooLargeException(string message) : Exception(message);
