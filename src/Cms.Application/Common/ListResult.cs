namespace Cms.Application.Common;

/// <summary>A list answer: the page, or nothing when the client's <c>If-None-Match</c> already holds it.</summary>
/// <param name="ETag">The weak validator of this list, sent as the ETag header.</param>
public sealed record ListResult<T>(Paged<T>? Page, string ETag)
{
    public bool NotModified => Page is null;
}
