using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Cms.IntegrationTests.Infrastructure;

/// <summary>Conveniences for the author, tag and category tests, next to those of <see cref="TestApi"/>.</summary>
public static partial class TestApiExtras
{
    /// <summary>Asserts the status of a response already received and returns its JSON body.</summary>
    public static Task<JsonNode> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status) =>
        Task.FromResult(response).ExpectAsync(status);

    /// <summary>The <c>ETag</c> header as sent, quotes included, ready for <c>If-Match</c> or <c>If-None-Match</c>.</summary>
    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{(int)response.StatusCode} without an ETag");

    public static async Task<JsonNode> CreateTagAsync(this HttpClient admin, string? name = null) =>
        await admin.PostJsonAsync("/api/v1/tags", new { name = name ?? TestApi.Unique("Tag") }).ExpectAsync(HttpStatusCode.Created);

    /// <summary>The targets of an RFC 8288 <c>Link</c> header by relation (<c>next</c>, <c>prev</c>), as path and query.</summary>
    public static IReadOnlyDictionary<string, string> Links(this HttpResponseMessage response)
    {
        var header = response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : "";
        return LinkPattern().Matches(header).ToDictionary(m => m.Groups["rel"].Value, m => new Uri(m.Groups["url"].Value).PathAndQuery);
    }

    public static string[] Names(this JsonNode list) =>
        [.. list["items"]!.AsArray().Select(i => (string)i!["name"]!)];

    [GeneratedRegex("""<(?<url>[^>]+)>\s*;\s*rel="(?<rel>[^"]+)"(?:\s*,\s*)?""")]
    private static partial Regex LinkPattern();
}
