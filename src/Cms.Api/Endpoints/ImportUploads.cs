using Cms.Application.Common.Exceptions;
using Cms.Application.Import;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Endpoints;

/// <summary>
/// The multipart body of an import, read part by part into a temporary folder (never into memory):
/// loose Markdown files and images, or one zip. Files are stored under numbers, never under the
/// names the client sent, so no name can point anywhere.
/// </summary>
public static class ImportUploads
{
    public const long EnvelopeBytes = 1024 * 1024;

    public static async Task<ImportPackage> ReadAsync(HttpRequest request, ImportOptions limits, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedMediaTypeException("Send the files as multipart/form-data, each in a 'files' part.");
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw new ValidationException("files", "The multipart body has no boundary.");

        var folder = new TemporaryFolder();
        try
        {
            var files = new List<(string Name, string Path)>();
            long total = 0;
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limits.MaxBytes + EnvelopeBytes };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value != "files")
                    throw new ValidationException("files", "Every part must be a file in a form field named 'files'.");
                var name = HeaderUtilities.RemoveQuotes(StringSegment.IsNullOrEmpty(disposition.FileNameStar) ? disposition.FileName : disposition.FileNameStar).Value;
                if (string.IsNullOrWhiteSpace(name)) throw new ValidationException("files", "Every file needs a file name (.md, .markdown, an image or .zip).");
                if (files.Count >= limits.MaxFiles) throw new ImportTooLargeException($"More than {limits.MaxFiles} files in one import.");
                var path = Path.Combine(folder.Path, files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await using (var file = File.Create(path))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await section.Body.ReadAsync(buffer, ct)) > 0)
                    {
                        total += read;
                        if (total > limits.MaxBytes) throw new PayloadTooLargeException(limits.MaxBytes);
                        await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    }
                }
                files.Add((name.Replace('\\', '/'), path));
            }
            if (files.Count == 0) throw new ValidationException("files", "Send at least one file in the 'files' field.");
            var zips = files.Where(f => f.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)).ToList();
            if (zips.Count > 0 && files.Count > 1) throw new ValidationException("files", "Send one .zip alone, or Markdown files and images without a zip.");
            if (zips.Count == 1) return ImportPackage.FromZip(File.OpenRead(zips[0].Path), limits, folder);
            return ImportPackage.FromFiles([.. files.Select(f => new ImportEntry(f.Name, () => File.OpenRead(f.Path)))], folder);
        }
        catch (Exception e)
        {
            folder.Dispose();
            if (e is InvalidDataException or IOException && e is not BadHttpRequestException)
                throw new ValidationException("files", "The multipart body is malformed or incomplete.");
            throw;
        }
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("cms-import-").FullName;

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
        }
    }
}

/// <summary>The multipart form of an import, for the OpenAPI document only (the endpoint reads the body itself).</summary>
/// <param name="Files">Jekyll posts (.md, .markdown) and the images they name, or one .zip of a Jekyll site.</param>
public sealed record ImportForm(IFormFileCollection Files);
