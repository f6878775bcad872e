namespace Cms.Application.Import;

/// <summary>The <c>Cms:Import</c> settings.</summary>
public sealed class ImportOptions
{
    public const string Section = "Cms:Import";

    /// <summary>Largest import request, in bytes (256 MiB).</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most files (zip entries or form parts) in one import.</summary>
    public int MaxFiles { get; set; } = 100_000;

    /// <summary>Most bytes a zip may decompress to, counted while reading (1 GiB).</summary>
    public long MaxUnzippedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>The zone of front-matter dates written without an offset (an IANA or Windows id).</summary>
    public string TimeZone { get; set; } = "UTC";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
