using Cms.Application.Common.Exceptions;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Images;

/// <summary>The one read of an image, shared by every command and query that answers with one.</summary>
public static class ImageReads
{
    public static async Task<ImageResponse?> FindAsync(ICmsDb db, IQueryable<Image> which, CancellationToken ct, IReadOnlySet<string>? fields = null)
    {
        var row = await which.AsNoTracking().Select(ImageFields.Row).FirstOrDefaultAsync(ct);
        return row?.ToResponse(fields ?? ImageFields.Defaults);
    }

    public static async Task<ImageResponse> ReadAsync(ICmsDb db, Guid id, CancellationToken ct, IReadOnlySet<string>? fields = null) =>
        await FindAsync(db, db.Images.Where(i => i.Id == id), ct, fields) ?? throw new NotFoundException("Image", id.ToString());

    public static async Task<Image> LoadAsync(ICmsDb db, Guid id, uint? ifMatch, CancellationToken ct)
    {
        var image = await db.Images.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Image", id.ToString());
        if (ifMatch is { } expected)
        {
            if (image.Version != expected) throw new PreconditionFailedException();
            db.ExpectVersion(image, expected);
        }
        return image;
    }
}
