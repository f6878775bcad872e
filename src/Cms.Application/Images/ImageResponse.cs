using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Cms.Application.Common;
using Cms.Domain;

namespace Cms.Application.Images;

/// <summary>An image of the media library. With <c>fields=</c>, only the fields asked for are present.</summary>
public sealed record ImageResponse : ISparseResponse
{
    public Guid Id { get; init; }
    /// <summary>Where the bytes are served: <c>/media/{sha256}.{ext}</c>; add <c>?w=</c> for a resized variant.</summary>
    public string Url { get; init; } = "";
    /// <summary>image/jpeg, image/png, image/gif or image/webp, from the bytes.</summary>
    public string ContentType { get; init; } = "";
    public int Width { get; init; }
    public int Height { get; init; }
    public long ByteSize { get; init; }
    /// <summary>Lowercase hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; init; } = "";
    /// <summary>Text alternative for screen readers.</summary>
    public string? Alt { get; init; }
    public string? Caption { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The row version, the same value as the ETag header.</summary>
    public string Version { get; init; } = "";

    [JsonIgnore]
    public IReadOnlySet<string>? Fields { get; init; }
}

/// <summary>An image as embedded in a post (<c>featureImage</c>) or an author (<c>avatarImage</c>).</summary>
public sealed record ImageRef(Guid Id, string Url, int Width, int Height, string? Alt);

public sealed class ImageRow
{
    public Guid Id { get; set; }
    public string Sha256 { get; set; } = "";
    public string Extension { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public long ByteSize { get; set; }
    public string? Alt { get; set; }
    public string? Caption { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public ImageResponse ToResponse(IReadOnlySet<string>? fields) => new()
    {
        Id = Id, Url = ImageUrls.Of(Sha256, Extension), ContentType = ContentType, Width = Width, Height = Height, ByteSize = ByteSize,
        Sha256 = Sha256, Alt = Alt, Caption = Caption, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        Version = Version.ToString(CultureInfo.InvariantCulture), Fields = fields,
    };
}

public static class ImageUrls
{
    public const string MediaPrefix = "/media/";

    public static string Of(string sha256, string extension) => MediaPrefix + sha256 + "." + extension;
}

/// <summary>The fields an image can be asked for. Every column is small, so the row is read whole and fields only trims the JSON.</summary>
public static class ImageFields
{
    public static readonly string[] All =
        ["id", "url", "contentType", "width", "height", "byteSize", "sha256", "alt", "caption", "createdAt", "updatedAt", "version"];

    public static readonly IReadOnlySet<string> Defaults = All.ToHashSet();

    public static IReadOnlySet<string>? Parse(string? fields) => SparseFields.Parse(fields, All, Defaults);

    public static readonly Expression<Func<Image, ImageRow>> Row = i => new ImageRow
    {
        Id = i.Id, Sha256 = i.Sha256, Extension = i.Extension, ContentType = i.ContentType, Width = i.Width, Height = i.Height,
        ByteSize = i.ByteSize, Alt = i.Alt, Caption = i.Caption, CreatedAt = i.CreatedAt, UpdatedAt = i.UpdatedAt, Version = i.Version,
    };
}
