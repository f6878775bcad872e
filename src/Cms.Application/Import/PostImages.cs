using Cms.Application.Common.Exceptions;
using Cms.Application.Images;
using Microsoft.Extensions.Options;

namespace Cms.Application.Import;

/// <summary>The <c>image</c> of imported front matter: the file in the upload becomes an image of the media library.</summary>
public sealed class PostImages(ImageLibrary library, IImageStore store, IOptions<ImageOptions> options)
{
    private readonly Dictionary<string, (Guid? Id, string? Problem)> _seen = new(StringComparer.Ordinal);

    /// <summary>The image's id, or null with a warning (the reference then stays in <c>metadata.image</c>).</summary>
    public async Task<Guid?> ResolveAsync(ImportPackage package, ImportEntry post, string reference, ImportReportBuilder report, CancellationToken ct)
    {
        var file = package.FindImage(reference, post.Path);
        if (file is null)
        {
            report.Warn(post.Path, $"{post.Path}: the image '{reference}' is not in the upload; it is kept in metadata.image.");
            return null;
        }
        if (!_seen.TryGetValue(file.Path, out var seen))
        {
            try
            {
                await using var stream = file.Open();
                await using var staged = await store.StageAsync(stream, options.Value.MaxBytes, ct);
                seen = ((await library.AddAsync(staged, null, null, ct)).Image.Id, null);
            }
            catch (Exception e) when (e is UnsupportedMediaTypeException or ValidationException or PayloadTooLargeException)
            {
                var why = e is ValidationException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value)) : e.Message;
                seen = (null, $"{post.Path}: the image '{reference}' was not imported ({why}); it is kept in metadata.image.");
            }
            _seen[file.Path] = seen;
        }
        if (seen.Problem is not null) report.Warn(post.Path, seen.Problem);
        return seen.Id;
    }
}
