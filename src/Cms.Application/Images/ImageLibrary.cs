using Cms.Application.Webhooks;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cms.Application.Images;

/// <summary>Adds staged bytes to the media library (or finds the image that has them): uploads and imports share it.</summary>
public sealed class ImageLibrary(ICmsDb db, IImageStore store, ImageLocks locks, IOptions<ImageOptions> options, TimeProvider clock)
{
    public async Task<UploadImage.Result> AddAsync(StagedFile file, string? alt, string? caption, CancellationToken ct)
    {
        var (format, width, height) = UploadImage.Probe(file, options.Value.MaxPixels);
        if (await FindAsync(file.Sha256, ct) is { } known) return new UploadImage.Result(known, false);

        using var _ = await locks.AcquireAsync(file.Sha256, ct);
        if (await FindAsync(file.Sha256, ct) is { } raced) return new UploadImage.Result(raced, false);
        var image = new Image(file.Sha256, format, width, height, file.Length, clock.GetUtcNow());
        image.Describe(Normalize(alt), Normalize(caption));
        await store.CommitAsync(file, image.FileName, ct);
        db.Images.Add(image);
        Outbox.ImageChanged(db, WebhookEvents.ImageCreated, image, image.CreatedAt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception)
        {
            db.Images.Entry(image).State = EntityState.Detached;
            foreach (var pending in db.OutboxEvents.Local.ToList()) db.OutboxEvents.Entry(pending).State = EntityState.Detached;
            // Another instance may have stored the same bytes first: theirs is the image. Otherwise
            // no row points at the file just committed, so it goes.
            if (await FindAsync(file.Sha256, CancellationToken.None) is { } other) return new UploadImage.Result(other, false);
            await store.DeleteAsync(image.FileName, CancellationToken.None);
            throw;
        }
        return new UploadImage.Result(await ImageReads.ReadAsync(db, image.Id, ct), true);
    }

    private Task<ImageResponse?> FindAsync(string sha256, CancellationToken ct) =>
        ImageReads.FindAsync(db, db.Images.Where(i => i.Sha256 == sha256), ct);

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

