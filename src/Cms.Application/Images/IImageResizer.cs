using Cms.Domain;

namespace Cms.Application.Images;

/// <summary>Makes a smaller copy of an image: decoded, resampled, re-encoded in the same format, with no metadata carried over.</summary>
public interface IImageResizer
{
    /// <summary>The encoded bytes of <paramref name="original"/> scaled to <paramref name="width"/> pixels wide, aspect kept.</summary>
    Task<Stream> ResizeAsync(Stream original, ImageFormat format, int width, CancellationToken ct);
}
