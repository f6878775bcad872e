namespace Cms.Application.Common.Exceptions;

public sealed class PreconditionFailedException()
    : Exception("The resource has changed since the version given in If-Match. Read it again and retry.");
