using Cms.Application.Webhooks;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ValidationException = Cms.Application.Common.Exceptions.ValidationException;

namespace Cms.Application.Images;

public static class UploadImage
{
    /// <param name="File">The upload, already staged and hashed by the endpoint; the endpoint disposes it.</param>
    public sealed record Command(StagedFile File, string? Alt, string? Caption) : ICommand<Result>;

    /// <param name="Created">False when the same bytes were already in the library: the existing image is returned.</param>
    public sealed record Result(ImageResponse Image, bool Created);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Alt).MaximumLength(Image.AltMaxLength);
            RuleFor(c => c.Caption).MaximumLength(Image.CaptionMaxLength);
        }
    }

    public sealed class Handler(ICmsDb db, IImageStore store, ImageLocks locks, IOptions<ImageOptions> options, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var file = command.File;
            var (format, width, height) = Probe(file, options.Value.MaxPixels);
            if (await FindAsync(file.Sha256, ct) is { } known) return new(known, false);

            using var _ = await locks.AcquireAsync(file.Sha256, ct);
            if (await FindAsync(file.Sha256, ct) is { } raced) return new(raced, false);
            var image = new Image(file.Sha256, format, width, height, file.Length, clock.GetUtcNow());
            image.Describe(Normalize(command.Alt), Normalize(command.Caption));
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
                if (await FindAsync(file.Sha256, CancellationToken.None) is { } other) return new(other, false);
                await store.DeleteAsync(image.FileName, CancellationToken.None);
                throw;
            }
            return new(await ImageReads.ReadAsync(db, image.Id, ct), true);
        }

        private Task<ImageResponse?> FindAsync(string sha256, CancellationToken ct) =>
            ImageReads.FindAsync(db, db.Images.Where(i => i.Sha256 == sha256), ct);

        private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>Type and size from the header, checked before anything decodes the pixels.</summary>
    public static (ImageFormat Format, int Width, int Height) Probe(StagedFile file, long maxPixels)
    {
        ImageProbe probe;
        using (var stream = file.OpenRead()) probe = ImageHeader.Read(stream);
        return probe switch
        {
            { Outcome: ProbeOutcome.Unsupported } => throw new UnsupportedMediaTypeException(
                "The file is not a JPEG, PNG, GIF or WebP image. The type is read from the bytes, not from the name or the declared type."),
            { Outcome: ProbeOutcome.Corrupt } => throw new ValidationException("file",
                $"The file starts like a {probe.Format!.Name.ToUpperInvariant()} image but its header is truncated or corrupt."),
            _ when (long)probe.Width * probe.Height > maxPixels => throw new ValidationException("file",
                $"The image is {probe.Width} × {probe.Height} pixels, more than the limit of {maxPixels} pixels."),
            _ => (probe.Format!, probe.Width, probe.Height),
        };
    }
}
