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
        // EXIF orientation is applied here, since the metadata that carries it does not reach the variant.
        var origin = codec.EncodedOrigin;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (shownWidth, shownHeight) = turned ? (info.Height, info.Width) : (info.Width, info.Height);
        width = Math.Min(width, shownWidth);
        var height = Math.Max(1, (int)Math.Round((double)shownHeight * width / shownWidth));
        var (rawWidth, rawHeight) = turned ? (height, width) : (width, height);

        // JPEG decoders can scale by 1/2, 1/4 or 1/8 while decoding: far less memory for a large photo.
        var scaled = codec.GetScaledDimensions((float)rawWidth / info.Width);
        if (scaled.Width < rawWidth || scaled.Height < rawHeight) scaled = info.Size;
        var decodeInfo = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new InvalidDataException($"The image cannot be decoded: {result}.");

        using var resized = decoded.Resize(new SKImageInfo(rawWidth, rawHeight, SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidDataException("The image cannot be resized.");
        using var oriented = Orient(resized, origin, width, height);
        using var image = SKImage.FromBitmap(oriented);
        var (encoding, quality) = format.Name switch
        {
            "jpeg" => (SKEncodedImageFormat.Jpeg, 82),
            "webp" => (SKEncodedImageFormat.Webp, 80),
            _ => (SKEncodedImageFormat.Png, 100),
        };
        using var data = image.Encode(encoding, quality) ?? throw new InvalidDataException("The variant cannot be encoded.");
        return Task.FromResult<Stream>(new MemoryStream(data.ToArray(), writable: false));
    }

    /// <summary>Draws <paramref name="raw"/> turned and mirrored as its EXIF origin says, into a <paramref name="width"/> × <paramref name="height"/> bitmap.</summary>
    private static SKBitmap Orient(SKBitmap raw, SKEncodedOrigin origin, int width, int height)
    {
        if (origin == SKEncodedOrigin.TopLeft) return raw.Copy();
        float w = raw.Width, h = raw.Height;
        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1), // LeftBottom
        };
        var result = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(matrix);
        using var source = SKImage.FromBitmap(raw);
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}
