using Cms.Application.Webhooks;
using Cms.Application.Common.Exceptions;
using Cms.Domain;
using FluentValidation;
using Mediator;
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

    public sealed class Handler(ImageLibrary library) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct) =>
            await library.AddAsync(command.File, command.Alt, command.Caption, ct);
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
