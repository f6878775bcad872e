namespace Cms.Application.Common.Exceptions;

/// <summary>The request body is larger than the endpoint accepts: a 413.</summary>
public sealed class PayloadTooLargeException(long limit)
    : Exception($"The upload is larger than the limit of {limit} bytes.");
