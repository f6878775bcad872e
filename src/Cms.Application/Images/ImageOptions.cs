using System.Globalization;

namespace Cms.Application.Images;

/// <summary>The <c>Cms:Images</c> settings.</summary>
public sealed class ImageOptions
{
    public const string Section = "Cms:Images";

    /// <summary>Where the file-system store keeps the bytes.</summary>
    public string Root { get; set; } = "./data/images";

    /// <summary>Largest upload accepted, in bytes (10 MiB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest width × height accepted: what a decoder may be asked to allocate.</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>The widths <c>?w=</c> may ask for, as a comma list (so one environment variable can set them).</summary>
    public string VariantWidths { get; set; } = "160,320,480,640,960,1280,1920,2560";

    /// <summary>Memory for the bytes of hot media files (<see cref="MediaCache"/>), in MiB; 0 turns the cache off.</summary>
    public int MemoryCacheMiB { get; set; } = 32;

    /// <summary>The largest file that <see cref="MediaCache"/> keeps, in KiB; larger ones are always read from disk.</summary>
    public int MemoryCacheMaxFileKiB { get; set; } = 1024;

    public IReadOnlyList<int> Widths => [.. VariantWidths
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(w => int.Parse(w, NumberStyles.None, CultureInfo.InvariantCulture))
        .Where(w => w > 0)
        .Order()];
}
