using Cms.Application.Images;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Endpoints;

/// <summary>
/// A media file as the response: a plain GET of a file up to <see cref="OneBlockMaxBytes"/> is
/// written here as one block; every other request (ranges, conditions, HEAD, larger files) goes to
/// ASP.NET Core's file results, which own 206, 304, 412 and 416.
/// </summary>
/// <remarks>
/// Why not always the file results: they write through <c>Response.Body</c>, which Kestrel copies
/// into its pipe 4 KB block by block (a block rented, a lock, metric updates each: 51 of them for a
/// 200 KB image), and the socket then sends a list of 51 buffers. Asking the pipe for one buffer of
/// the whole size (<c>BodyWriter.GetMemory(length)</c>, after the headers) gets one array from
/// <c>ArrayPool</c> instead: one copy (from memory, or one <c>pread</c> from the file), one buffer to
/// send. The headers are the ones the file results set for the same answer (ETag, Content-Type,
/// Content-Length, Accept-Ranges). See docs/performance.md, "Serving a 200 KB image".
/// </remarks>
public sealed class MediaResult(GetMedia.MediaFile media) : IResult
{
    /// <summary>Larger files are copied in chunks by the file result: one block would be a buffer of their size per response.</summary>
    public const int OneBlockMaxBytes = 1024 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var etag = new EntityTagHeaderValue(media.ETag);
        var request = httpContext.Request;
        var headers = request.Headers;
        var length = media.Bytes?.Length ?? media.Content!.Length;
        if (length > OneBlockMaxBytes || !HttpMethods.IsGet(request.Method) || headers.Range.Count > 0 || headers.IfMatch.Count > 0
            || headers.IfNoneMatch.Count > 0 || headers.IfModifiedSince.Count > 0 || headers.IfUnmodifiedSince.Count > 0)
        {
            // The results take over the stream and dispose it once written.
            IResult result = media.Bytes is { } bytes
                ? TypedResults.Bytes(bytes, media.ContentType, entityTag: etag, enableRangeProcessing: true)
                : TypedResults.Stream(media.Content!, media.ContentType, entityTag: etag, enableRangeProcessing: true);
            await result.ExecuteAsync(httpContext);
            return;
        }

        await using var content = media.Content;
        var response = httpContext.Response;
        response.Headers.ETag = etag.ToString();
        response.ContentType = media.ContentType;
        response.ContentLength = length;
        response.Headers.AcceptRanges = "bytes";
        try
        {
            await response.StartAsync(httpContext.RequestAborted);
            var writer = response.BodyWriter;
            var block = writer.GetMemory((int)length)[..(int)length];
            if (media.Bytes is { } bytes) bytes.CopyTo(block);
            else
            {
                content!.Position = 0;
                await content.ReadExactlyAsync(block, httpContext.RequestAborted);
            }
            writer.Advance((int)length);
            await writer.FlushAsync(httpContext.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away: no error, the connection is closed (as the file results do).
            httpContext.Abort();
        }
    }
}
