using System.Buffers.Binary;
using System.Text;
using Cms.Application.Images;
using Cms.Domain;
using SkiaSharp;

namespace Cms.UnitTests;

public sealed class ImageHeaderTests
{
    private static ImageProbe Probe(byte[] bytes) => ImageHeader.Read(new MemoryStream(bytes));

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height, int quality = 80)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 5)]
    [InlineData(640, 480)]
    [InlineData(3, 2000)]
    public void Sizes_come_from_the_headers_of_encoded_png_jpeg_and_webp(int width, int height)
    {
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.Png, width, height), Probe(Encode(SKEncodedImageFormat.Png, width, height)));
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.Jpeg, width, height), Probe(Encode(SKEncodedImageFormat.Jpeg, width, height)));
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.WebP, width, height), Probe(Encode(SKEncodedImageFormat.Webp, width, height)));
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.WebP, width, height), Probe(Encode(SKEncodedImageFormat.Webp, width, height, 100)));
    }

    [Fact]
    public void A_gif_size_is_the_logical_screen()
    {
        byte[] gif = [.. "GIF87a"u8, 0x2C, 0x01, 0xC8, 0x00, 0, 0, 0];
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.Gif, 300, 200), Probe(gif));
        Assert.Equal(ProbeOutcome.Recognised, Probe([.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0]).Outcome);
    }

    [Fact]
    public void A_png_header_can_claim_any_size_and_the_probe_reports_it_without_decoding()
    {
        var png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(png, 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.Png, 100_000, 100_000), Probe(png));
    }

    [Fact]
    public void An_extended_webp_reads_the_canvas_size()
    {
        var webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        "WEBPVP8X"u8.CopyTo(webp.AsSpan(8));
        webp[24] = 0xFF; webp[25] = 0x0F; // width − 1 = 4095
        webp[27] = 0x0F; webp[28] = 0x00; // height − 1 = 15
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.WebP, 4096, 16), Probe(webp));
    }

    [Fact]
    public void A_jpeg_frame_header_is_found_after_large_app_segments_and_in_progressive_files()
    {
        byte[] app1 = [0xFF, 0xE1, 0xFF, 0xFF, .. new byte[0xFFFF - 2]];
        byte[] sof2 = [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03, .. new byte[9]];
        byte[] jpeg = [0xFF, 0xD8, .. app1, .. app1, 0xFF, 0xFF, .. sof2, 0xFF, 0xD9];
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.Jpeg, 600, 300), Probe(jpeg));
    }

    [Theory]
    [InlineData(1, 600, 300)]
    [InlineData(3, 600, 300)]
    [InlineData(5, 300, 600)]
    [InlineData(6, 300, 600)]
    [InlineData(8, 300, 600)]
    public void A_jpeg_reports_its_size_as_displayed_after_its_exif_orientation(int orientation, int width, int height)
    {
        byte[] exif = [.. "Exif\0\0II*\0"u8, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0];
        byte[] app1 = [0xFF, 0xE1, 0, (byte)(exif.Length + 2), .. exif];
        byte[] sof0 = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03, .. new byte[9]];
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.Jpeg, width, height), Probe([0xFF, 0xD8, .. app1, .. sof0]));
    }

    [Fact]
    public void A_huffman_table_is_not_mistaken_for_a_frame_header()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x07, 0x00, 0x10, 0x20, 0x30, 0x40, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x10, 0x00, 0x20, 0x01, 0, 0, 0];
        Assert.Equal(new ImageProbe(ProbeOutcome.Recognised, ImageFormat.Jpeg, 32, 16), Probe(jpeg));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(100)]
    public void A_truncated_jpeg_is_corrupt(int length)
    {
        byte[] app1 = [0xFF, 0xE1, 0x01, 0x00, .. new byte[0x100 - 2]];
        byte[] jpeg = [0xFF, 0xD8, .. app1, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58];
        Assert.Equal(ProbeOutcome.Corrupt, Probe(jpeg[..length]).Outcome);
    }

    [Fact]
    public void Truncated_or_zero_sized_headers_of_the_other_formats_are_corrupt()
    {
        var png = Encode(SKEncodedImageFormat.Png, 10, 10);
        Assert.Equal(new ImageProbe(ProbeOutcome.Corrupt, ImageFormat.Png), Probe(png[..12]));
        Assert.Equal(ProbeOutcome.Corrupt, Probe([.. "GIF89a"u8, 0, 0, 5, 0]).Outcome);
        Assert.Equal(ProbeOutcome.Corrupt, Probe([.. "GIF89a"u8, 1]).Outcome);
        Assert.Equal(ProbeOutcome.Corrupt, Probe([.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8]).Outcome);
        Assert.Equal(ProbeOutcome.Corrupt, Probe([0xFF, 0xD8, 0xFF, 0xDA, 0, 2]).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just some text")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg/>")]
    [InlineData("%PDF-1.7")]
    [InlineData("II*\0")]
    [InlineData("BM")]
    [InlineData("RIFF\0\0\0\0WAVEfmt ")]
    public void Anything_else_is_unsupported(string text)
    {
        Assert.Equal(new ImageProbe(ProbeOutcome.Unsupported), Probe(Encoding.UTF8.GetBytes(text)));
    }
}
