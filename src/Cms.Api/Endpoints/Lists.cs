using Cms.Application.Common;

namespace Cms.Api.Endpoints;

public static class Lists
{
    /// <summary>Sets a list's ETag and Link headers; null when the client's copy is current (answer 304).</summary>
    public static Paged<T>? Prepare<T>(HttpContext context, ListResult<T> result, bool cursorPaging = false)
    {
        context.Response.Headers.ETag = result.ETag;
        if (result.Page is not { } page) return null;
        LinkHeader.Add(context, page.Pagination, cursorPaging);
        return page;
    }
}
