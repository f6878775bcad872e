using System.Buffers.Binary;
using Cms.Domain;

namespace Cms.Application.Images;

/// <summary>What the first bytes of an upload say it is.</summary>
public enum ProbeOutcome
{
    /// <summary>A JPEG, PNG, GIF or WebP whose header gives its size.</summary>
    Recognised,
    /// <summary>No magic number of an accepted format (text, SVG, PDF, TIFF...): a 415.</summary>
    Unsupported,
    /// <summary>The magic number of an accepted format but no readable size (truncated or corrupt): a 400.</summary>
    Corrupt,
}

public sealed record ImageProbe(ProbeOutcome Outcome, ImageFormat? Format = null, int Width = 0, int Height = 0);

/// <summary>
/// Reads the type and pixel size of an image from its header, without decoding it: the size limit
/// must be checked before a decoder is asked to allocate width × height × 4 bytes.
/// </summary>
public static class ImageHeader
{
    /// <summary>How far into a JPEG the frame header is looked for (EXIF, XMP and ICC segments, a thumbnail, come first).</summary>
    public const int JpegSearchLimit = 4 << 20;

    public static ImageProbe Read(Stream stream)
    {
        var head = new byte[32];
        var read = ReadUpTo(stream, head);
        var span = head.AsSpan(0, read);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg(stream, head, read);
        if (span.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return Png(span);
        if (span.StartsWith("GIF87a"u8) || span.StartsWith("GIF89a"u8)) return Gif(span);
        if (span.Length >= 12 && span.StartsWith("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8)) return WebP(span);
        return new(ProbeOutcome.Unsupported);
    }

    private static ImageProbe Sized(ImageFormat format, long width, long height) =>
        width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue
            ? new(ProbeOutcome.Recognised, format, (int)width, (int)height)
            : new(ProbeOutcome.Corrupt, format);

    private static ImageProbe Png(ReadOnlySpan<byte> head)
    {
        // The first chunk must be IHDR: length 13, then width and height as big-endian 32-bit integers.
        if (head.Length < 24 || !head[12..16].SequenceEqual("IHDR"u8)) return new(ProbeOutcome.Corrupt, ImageFormat.Png);
        return Sized(ImageFormat.Png, BinaryPrimitives.ReadUInt32BigEndian(head[16..]), BinaryPrimitives.ReadUInt32BigEndian(head[20..]));
    }

    private static ImageProbe Gif(ReadOnlySpan<byte> head) =>
        head.Length < 10
            ? new(ProbeOutcome.Corrupt, ImageFormat.Gif)
            : Sized(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]));

    private static ImageProbe WebP(ReadOnlySpan<byte> head)
    {
        if (head.Length < 30) return new(ProbeOutcome.Corrupt, ImageFormat.WebP);
        var chunk = head[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended format: canvas width − 1 and height − 1 as 24-bit little-endian integers.
            var width = head[24] | head[25] << 8 | head[26] << 16;
            var height = head[27] | head[28] << 8 | head[29] << 16;
            return Sized(ImageFormat.WebP, width + 1L, height + 1L);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then 14 bits of width − 1 and 14 bits of height − 1.
            if (head[20] != 0x2F) return new(ProbeOutcome.Corrupt, ImageFormat.WebP);
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            return Sized(ImageFormat.WebP, (bits & 0x3FFF) + 1L, ((bits >> 14) & 0x3FFF) + 1L);
        }
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a key frame starts with the code 9D 01 2A, then 14-bit width and height (2 bits of scale each).
            if (head[23] != 0x9D || head[24] != 0x01 || head[25] != 0x2A) return new(ProbeOutcome.Corrupt, ImageFormat.WebP);
            return Sized(ImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFF);
        }
        return new(ProbeOutcome.Corrupt, ImageFormat.WebP);
    }

    /// <summary>
    /// Walks the JPEG segments to the first frame header (SOFn), which holds the size. An EXIF
    /// orientation that turns the picture a quarter (5 to 8) swaps width and height: the size
    /// reported is the size as displayed, which is also what variants are made at.
    /// </summary>
    private static ImageProbe Jpeg(Stream stream, byte[] head, int headLength)
    {
        var corrupt = new ImageProbe(ProbeOutcome.Corrupt, ImageFormat.Jpeg);
        using var reader = new JpegReader(stream, head.AsMemory(0, headLength));
        reader.Skip(2);
        var orientation = 1;
        while (reader.Position < JpegSearchLimit)
        {
            if (reader.ReadByte() != 0xFF) return corrupt;
            int marker;
            do marker = reader.ReadByte(); while (marker == 0xFF);
            if (marker < 0) return corrupt;
            if (marker is 0x01 or >= 0xD0 and <= 0xD7) continue;
            if (marker is 0xD9 or 0xDA) return corrupt; // end of image or start of scan before any frame header
            var length = reader.ReadUInt16();
            if (length < 2) return corrupt;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7 || reader.ReadByte() < 0) return corrupt;
                var height = reader.ReadUInt16();
                var width = reader.ReadUInt16();
                if (width < 0 || height < 0) return corrupt;
                return orientation is >= 5 and <= 8 ? Sized(ImageFormat.Jpeg, height, width) : Sized(ImageFormat.Jpeg, width, height);
            }
            if (marker == 0xE1 && orientation == 1)
            {
                var segment = reader.Read(length - 2);
                orientation = ExifOrientation(segment);
                continue;
            }
            reader.Skip(length - 2);
        }
        return corrupt;
    }

    /// <summary>Tag 0x0112 of IFD0 in an APP1 "Exif" segment; 1 (as stored) when absent or unreadable.</summary>
    public static int ExifOrientation(ReadOnlySpan<byte> app1)
    {
        if (app1.Length < 14 || !app1.StartsWith("Exif\0\0"u8)) return 1;
        var tiff = app1[6..];
        bool little;
        if (tiff.StartsWith("II"u8)) little = true;
        else if (tiff.StartsWith("MM"u8)) little = false;
        else return 1;
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        var ifd = U32(tiff[4..]);
        if (ifd > tiff.Length - 2) return 1;
        var count = U16(tiff[(int)ifd..]);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + i * 12;
            if (entry + 12 > tiff.Length) return 1;
            if (U16(tiff[entry..]) != 0x0112) continue;
            var value = U16(tiff[(entry + 8)..]);
            return value is >= 1 and <= 8 ? value : 1;
        }
        return 1;
    }

    private static int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Reads the bytes already taken for the magic number first, then the stream; −1 past the end.</summary>
    private sealed class JpegReader(Stream stream, ReadOnlyMemory<byte> head) : IDisposable
    {
        private readonly BufferedStream _stream = new(stream, 4096);
        public long Position { get; private set; }

        public int ReadByte()
        {
            var value = Position < head.Length ? head.Span[(int)Position] : _stream.ReadByte();
            if (value >= 0) Position++;
            return value;
        }

        public int ReadUInt16()
        {
            var high = ReadByte();
            var low = ReadByte();
            return high < 0 || low < 0 ? -1 : high << 8 | low;
        }

        public byte[] Read(int count)
        {
            var bytes = new List<byte>(count);
            for (var i = 0; i < count; i++)
            {
                var value = ReadByte();
                if (value < 0) break;
                bytes.Add((byte)value);
            }
            return [.. bytes];
        }

        public void Skip(int count)
        {
            for (var i = 0; i < count; i++)
                if (ReadByte() < 0) return;
        }

        public void Dispose() { }
    }
}
