using Cms.Application.Images;
using Cms.Domain;
using SkiaSharp;

namespace Cms.Infrastructure.Images;

/// <summary>
/// Resizes with SkiaSharp. The encoder writes pixels only, so EXIF (camera, GPS position) and other
/// metadata of the original never reach a variant.
/// </summary>
public sealed class SkiaImageResizer : IImageResizer
{
    public Task<Stream> ResizeAsync(Stream original, ImageFormat format, int width, CancellationToken ct)
    {
        using var codec = SKCodec.Create(original) ?? throw new InvalidDataException("The image cannot be decoded.");
        var info = codec.Info;
        var height = Math.Max(1, (int)Math.Round((double)info.Height * width / info.Width));

        // JPEG decoders can scale by 1/2, 1/4 or 1/8 while decoding: far less memory for a large photo.
        var scaled = codec.GetScaledDimensions((float)width / info.Width);
        if (scaled.Width < width || scaled.Height < height) scaled = info.Size;
        var decodeInfo = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new InvalidDataException($"The image cannot be decoded: {result}.");

        using var resized = decoded.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidDataException("The image cannot be resized.");
        using var image = SKImage.FromBitmap(resized);
        var (encoding, quality) = format.Name switch
        {
            "jpeg" => (SKEncodedImageFormat.Jpeg, 82),
            "webp" => (SKEncodedImageFormat.Webp, 80),
            _ => (SKEncodedImageFormat.Png, 100),
        };
        using var data = image.Encode(encoding, quality) ?? throw new InvalidDataException("The variant cannot be encoded.");
        return Task.FromResult<Stream>(new MemoryStream(data.ToArray(), writable: false));
    }
}
