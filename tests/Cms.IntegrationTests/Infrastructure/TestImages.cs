using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SkiaSharp;

namespace Cms.IntegrationTests.Infrastructure;

/// <summary>Real, small images made on the spot, each with different pixels (so a different hash) unless asked otherwise.</summary>
public static class TestImages
{
    private static int _seed;

    public static byte[] Png(int width = 40, int height = 30) => Encode(SKEncodedImageFormat.Png, width, height);

    public static byte[] Jpeg(int width = 40, int height = 30) => Encode(SKEncodedImageFormat.Jpeg, width, height);

    public static byte[] WebP(int width = 40, int height = 30) => Encode(SKEncodedImageFormat.Webp, width, height);

    /// <summary>A PNG of random pixels: it does not compress, so its size is about width × height × 4 bytes.</summary>
    public static byte[] NoisyPng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        var pixels = new byte[width * height * 4];
        Random.Shared.NextBytes(pixels);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A 1 × 1 GIF89a written by hand (SkiaSharp does not encode GIF); the colour varies per call.</summary>
    public static byte[] Gif()
    {
        var seed = (byte)Interlocked.Increment(ref _seed);
        return
        [
            .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, // logical screen 1 × 1, global colour table of 2 entries
            seed, 0x20, 0x40, 0xFF, 0xFF, 0xFF, // the colour table
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, // image descriptor
            0x02, 0x02, 0x44, 0x01, 0x00, // LZW minimum code size 2, one data block
            0x3B, // trailer
        ];
    }

    /// <summary>
    /// A JPEG with an EXIF segment right after SOI: IFD0 holds the orientation tag, followed by a
    /// recognisable text standing in for GPS data.
    /// </summary>
    public static byte[] JpegWithExif(int width, int height, string secret, int orientation = 1, byte[]? jpegBytes = null)
    {
        var jpeg = jpegBytes ?? Jpeg(width, height);
        byte[] tiff =
        [
            .. "Exif\0\0"u8, .. "MM\0*"u8, 0, 0, 0, 8, // big-endian TIFF, IFD0 at offset 8
            0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, // one entry: Orientation, SHORT, 1 value
            0, 0, 0, 0, // no next IFD
            .. System.Text.Encoding.ASCII.GetBytes(secret),
        ];
        var length = tiff.Length + 2;
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. tiff, .. jpeg.AsSpan(2)];
    }

    /// <summary>A valid PNG signature and IHDR that claim <paramref name="width"/> × <paramref name="height"/>, and no pixels at all.</summary>
    public static byte[] PngHeaderClaiming(uint width, uint height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 6;
        return bytes;
    }

    /// <summary>A JPEG whose left half is red and right half blue, to see which way a variant was turned.</summary>
    public static byte[] HalvesJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height)
    {
        var seed = Interlocked.Increment(ref _seed);
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)(seed * 37), (byte)(seed * 11), (byte)(seed >> 8)));
            using var paint = new SKPaint { Color = new SKColor(255, (byte)(seed * 53), 0) };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static (int Width, int Height, SKEncodedImageFormat Format) Decode(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw new InvalidOperationException("not an image");
        using var bitmap = SKBitmap.Decode(codec);
        Assert.NotNull(bitmap);
        return (codec.Info.Width, codec.Info.Height, codec.EncodedFormat);
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string fileName = "photo.bin",
        string contentType = "application/octet-stream", string? alt = null, string? caption = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        if (alt is not null) form.Add(new StringContent(alt), "alt");
        if (caption is not null) form.Add(new StringContent(caption), "caption");
        return client.PostAsync("/api/v1/images", form);
    }

    public static async Task<JsonNode> UploadImageAsync(this HttpClient admin, byte[]? bytes = null, string? alt = null) =>
        await admin.UploadAsync(bytes ?? Png(), "photo.png", "image/png", alt).ExpectAsync(HttpStatusCode.Created);

    /// <summary>Every file of the store, staging area included, relative to its root.</summary>
    public static string[] StoredFiles(this CmsApiFactory api) =>
        Directory.Exists(api.ImageRoot)
            ? [.. Directory.EnumerateFiles(api.ImageRoot, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(api.ImageRoot, f)).Order()]
            : [];

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
