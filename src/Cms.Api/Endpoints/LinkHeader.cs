using Cms.Application.Common;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Cms.Api.Endpoints;

/// <summary>RFC 8288 <c>Link</c> header with <c>next</c> and <c>prev</c> for offset paging.</summary>
public static class LinkHeader
{
    public static void Add(HttpContext context, Pagination pagination, bool cursorPaging)
    {
        var links = new List<string>();
        if (cursorPaging)
        {
            // Keyset pages link forward only: the full next URL, with the next cursor.
            if (pagination.NextCursor is { } next) context.Response.Headers.Link = $"<{Url(context.Request, "cursor", next)}>; rel=\"next\"";
            return;
        }
        if (pagination.HasNext) links.Add($"<{Url(context.Request, "page", Invariant(pagination.Page + 1))}>; rel=\"next\"");
        if (pagination.Page > 1) links.Add($"<{Url(context.Request, "page", Invariant(Math.Min(pagination.Page - 1, Math.Max(pagination.TotalPages, 1))))}>; rel=\"prev\"");
        if (links.Count > 0) context.Response.Headers.Link = string.Join(", ", links);
    }

    private static string Invariant(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>This request's URL with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    private static string Url(HttpRequest request, string name, string value)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new(name, value));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query));
    }
}
