using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Endpoints;

/// <summary>ETag, If-Match and If-None-Match: how two editors never silently overwrite each other.</summary>
public static class HttpConditions
{
    /// <summary>
    /// The row version named by <c>If-Match</c>; null when absent or <c>*</c>. A value that is no
    /// version of ours, or a weak tag (If-Match compares strongly, RFC 9110), can never match: 412.
    /// </summary>
    public static uint? IfMatch(HttpRequest request)
    {
        var raw = request.Headers.IfMatch.ToString().Trim();
        if (raw.Length == 0 || raw == "*") return null;
        if (!EntityTagHeaderValue.TryParseList([raw], out var tags) || tags.Count != 1 || tags[0].IsWeak) throw new PreconditionFailedException();
        // Authors and tags: "rowVersion.postCount" (see CountedVersion); the row version decides.
        return CountedVersion.RowVersion(tags[0].Tag.Value!.Trim('"')) ?? throw new PreconditionFailedException();
    }

    /// <summary>Sets <c>ETag</c> to the version; true when <c>If-None-Match</c> already has it (answer 304).</summary>
    public static bool NotModified(HttpContext context, string version)
    {
        var etag = $"\"{version}\"";
        context.Response.Headers.ETag = etag;
        return Matches(context.Request, etag);
    }

    /// <summary>
    /// Lists have no row version: their weak ETag is a hash of the page as it would be sent. The page
    /// is still read; what a 304 saves is the transfer and the client's work.
    /// </summary>
    public static bool NotModified<T>(HttpContext context, T page)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(page, options));
        var etag = $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
        context.Response.Headers.ETag = etag;
        return Matches(context.Request, etag);
    }

    public static void SetETag(HttpContext context, string version) => context.Response.Headers.ETag = $"\"{version}\"";

    /// <summary>Weak comparison, as RFC 9110 asks of If-None-Match.</summary>
    private static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0) return false;
        if (header.ToString().Trim() == "*") return true;
        return EntityTagHeaderValue.TryParseList(header, out var tags)
            && tags.Any(t => t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
    }
}
