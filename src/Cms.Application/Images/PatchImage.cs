using Cms.Application.Webhooks;
using System.Text.Json;
using Cms.Application.Common;
using Cms.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Images;

/// <summary>The fields of an image an editor writes after the upload.</summary>
/// <param name="Alt">Text alternative for screen readers, at most 1000 characters.</param>
/// <param name="Caption">At most 4000 characters.</param>
public sealed record ImageInput(string? Alt = null, string? Caption = null)
{
    public static ImageInput From(Image image) => new(image.Alt, image.Caption);
}

public sealed class ImageInputValidator : AbstractValidator<ImageInput>
{
    public ImageInputValidator()
    {
        RuleFor(i => i.Alt).MaximumLength(Image.AltMaxLength);
        RuleFor(i => i.Caption).MaximumLength(Image.CaptionMaxLength);
    }
}

public static class PatchImage
{
    /// <param name="Patch">A JSON merge patch (RFC 7396) of alt and caption: absent fields stay, null clears.</param>
    public sealed record Command(Guid Id, JsonElement Patch, uint? IfMatch) : ICommand<ImageResponse>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Patch.ValueKind).Equal(JsonValueKind.Object)
            .OverridePropertyName("$").WithMessage("A merge patch must be a JSON object.");
    }

    public sealed class Handler(ICmsDb db, IValidator<ImageInput> validator, TimeProvider clock) : ICommandHandler<Command, ImageResponse>
    {
        public async ValueTask<ImageResponse> Handle(Command command, CancellationToken ct)
        {
            var image = await ImageReads.LoadAsync(db, command.Id, command.IfMatch, ct);
            var input = MergePatch.ApplyTo(ImageInput.From(image), command.Patch);
            await validator.ValidateOrThrowAsync(input, ct);
            var now = clock.GetUtcNow();
            var alt = string.IsNullOrWhiteSpace(input.Alt) ? null : input.Alt.Trim();
            if (alt != image.Alt)
            {
                // Posts and authors embed the alt text: they get a new version too, so no reader keeps a stale 304.
                foreach (var post in await db.Posts.Where(p => p.FeatureImageId == image.Id).ToListAsync(ct))
                    Posts.EmbeddedChanges.Touch(db, post, now);
                foreach (var author in await db.Authors.Where(a => a.AvatarImageId == image.Id).ToListAsync(ct))
                {
                    author.Touch(now);
                    db.MarkModified(author, nameof(Author.UpdatedAt));
                }
            }
            image.Describe(alt, string.IsNullOrWhiteSpace(input.Caption) ? null : input.Caption.Trim());
            image.Touch(now);
            Outbox.ImageChanged(db, WebhookEvents.ImageUpdated, image, now);
            await db.SaveChangesAsync(ct);
            return await ImageReads.ReadAsync(db, image.Id, ct);
        }
    }
}
