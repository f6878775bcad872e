using Cms.Application.Common;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Cms.Api.Endpoints;

/// <summary>RFC 8288 <c>Link</c> header with <c>next</c> and <c>prev</c> for offset paging.</summary>
public static class LinkHeader
{
    public static void Add(HttpContext context, Pagination pagination)
    {
        var links = new List<string>();
        if (pagination.HasNext) links.Add($"<{PageUrl(context.Request, pagination.Page + 1)}>; rel=\"next\"");
        if (pagination.Page > 1) links.Add($"<{PageUrl(context.Request, Math.Min(pagination.Page - 1, Math.Max(pagination.TotalPages, 1)))}>; rel=\"prev\"");
        if (links.Count > 0) context.Response.Headers.Link = string.Join(", ", links);
    }

    private static string PageUrl(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query));
    }
}
