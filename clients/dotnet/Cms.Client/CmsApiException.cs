using System.Net;

namespace Cms.Client;

/// <summary>An error answer of the API, with its problem details (status, title, detail, traceId, errors per field).</summary>
public class CmsApiException(HttpStatusCode status, Problem? problem)
    : Exception($"Cms answered {(int)status}: {problem?.Title ?? status.ToString()}{(problem?.Detail is { } d ? " — " + d : "")}")
{
    public HttpStatusCode StatusCode { get; } = status;
    public Problem? Problem { get; } = problem;

    /// <summary>A 412: the If-Match version was stale; read the resource again and reapply the change.</summary>
    public bool IsVersionConflict => StatusCode == HttpStatusCode.PreconditionFailed;
}
