using Cms.Application.Common.Exceptions;
using Cms.Application.Images;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Endpoints;

/// <summary>The multipart body of an upload, read section by section: the file goes straight to the store's staging area.</summary>
public sealed record ImageUpload(StagedFile File, string? Alt, string? Caption) : IAsyncDisposable
{
    /// <summary>Form fields are short texts: a bigger one is not an alt text but an attempt to use memory.</summary>
    private const int MaxFieldBytes = 16 * 1024;

    /// <summary>Room for the multipart boundaries, headers and form fields around the file.</summary>
    public const long EnvelopeBytes = 64 * 1024;

    public ValueTask DisposeAsync() => File.DisposeAsync();

    public static async Task<ImageUpload> ReadAsync(HttpRequest request, IImageStore store, long maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeException("Send the image as multipart/form-data with a 'file' part (and optional 'alt', 'caption').");
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new ValidationException("file", "The multipart body has no boundary.");

        StagedFile? file = null;
        string? alt = null, caption = null;
        try
        {
            // The reader's own per-part limit (128 MB by default) must not undercut a larger MaxBytes.
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes + EnvelopeBytes };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || StringSegment.IsNullOrEmpty(disposition.Name))
                    throw new ValidationException("file", "Every part needs Content-Disposition: form-data with a name.");
                switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
                {
                    case "file" when file is null: file = await store.StageAsync(section.Body, maxBytes, ct); break;
                    case "file": throw new ValidationException("file", "Send one file per request.");
                    case "alt": alt = await ReadTextAsync(section.Body, "alt", ct); break;
                    case "caption": caption = await ReadTextAsync(section.Body, "caption", ct); break;
                    case var other: throw new ValidationException(other ?? "", $"Unknown form field '{other}': send file, alt and caption.");
                }
            }
        }
        catch (Exception e)
        {
            if (file is not null) await file.DisposeAsync();
            if (e is InvalidDataException or IOException && e is not BadHttpRequestException)
                throw new ValidationException("file", "The multipart body is malformed or incomplete.");
            throw;
        }
        return file is null ? throw new ValidationException("file", "The 'file' part is required.") : new ImageUpload(file, alt, caption);
    }

    private static async Task<string> ReadTextAsync(Stream body, string field, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes) throw new ValidationException(field, $"'{field}' is too long.");
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>The request body limit of one endpoint (Kestrel answers a larger body with 413).</summary>
public sealed record RequestSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

/// <summary>The multipart form of an upload, for the OpenAPI document only (the endpoint reads the body itself).</summary>
/// <param name="File">A JPEG, PNG, GIF or WebP image, recognised from its bytes.</param>
/// <param name="Alt">Text alternative for screen readers.</param>
/// <param name="Caption">Caption shown with the image.</param>
public sealed record ImageUploadForm(IFormFile File, string? Alt, string? Caption);
