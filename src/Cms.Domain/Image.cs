namespace Cms.Domain;

/// <summary>An uploaded picture. The bytes live in the image store, named by <see cref="Sha256"/>; the row describes them.</summary>
public sealed class Image
{
    public const int AltMaxLength = 1000;
    public const int CaptionMaxLength = 4000;

    private Image() { }

    public Image(string sha256, ImageFormat format, int width, int height, long byteSize, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Sha256 = sha256;
        ContentType = format.ContentType;
        Extension = format.Extension;
        Width = width;
        Height = height;
        ByteSize = byteSize;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    /// <summary>Lowercase hex SHA-256 of the bytes: the file's name, and what makes the same upload the same image.</summary>
    public string Sha256 { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string Extension { get; private set; } = "";
    public int Width { get; private set; }
    public int Height { get; private set; }
    public long ByteSize { get; private set; }
    public string? Alt { get; private set; }
    public string? Caption { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The public path of the bytes, the same for every copy of the same image.</summary>
    public string FileName => $"{Sha256}.{Extension}";

    public void Describe(string? alt, string? caption)
    {
        Alt = alt;
        Caption = caption;
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}

/// <summary>The four formats the media library accepts, each recognised from its first bytes.</summary>
public sealed record ImageFormat(string Name, string ContentType, string Extension)
{
    public static readonly ImageFormat Jpeg = new("jpeg", "image/jpeg", "jpg");
    public static readonly ImageFormat Png = new("png", "image/png", "png");
    public static readonly ImageFormat Gif = new("gif", "image/gif", "gif");
    public static readonly ImageFormat WebP = new("webp", "image/webp", "webp");

    public static readonly IReadOnlyList<ImageFormat> All = [Jpeg, Png, Gif, WebP];

    public static ImageFormat? FromExtension(string extension) => All.FirstOrDefault(f => f.Extension == extension);
}
