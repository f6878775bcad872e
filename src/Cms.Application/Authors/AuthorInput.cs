using Cms.Domain;
using FluentValidation;

namespace Cms.Application.Authors;

/// <summary>The fields of an author an editor writes.</summary>
/// <param name="Name">Required, at most 200 characters.</param>
/// <param name="Slug">Generated from the name when absent on create, kept when absent on update.</param>
/// <param name="Website">An absolute http(s) URL.</param>
/// <param name="Email">Shown to the admin scope only.</param>
/// <param name="AvatarImageId">Id of an image of the media library; an unknown id is a 400.</param>
public sealed record AuthorInput(string Name, string? Slug = null, string? Bio = null, string? Website = null, string? Email = null,
    Guid? AvatarImageId = null)
{
    public static AuthorInput From(Author author) => new(author.Name, author.Slug, author.Bio, author.Website, author.Email, author.AvatarImageId);
}

public sealed class AuthorInputValidator : AbstractValidator<AuthorInput>
{
    public AuthorInputValidator()
    {
        RuleFor(a => a.Name).NotEmpty().MaximumLength(200);
        RuleFor(a => a.Slug!).Must(Slug.IsValid).When(a => a.Slug is not null)
            .WithMessage("'slug' must be lowercase letters, digits and single hyphens, at most 200 characters.");
        RuleFor(a => a.Bio).MaximumLength(10_000);
        RuleFor(a => a.Website!).MaximumLength(2000)
            .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .WithMessage("'website' must be an absolute http or https URL.")
            .When(a => a.Website is not null);
        RuleFor(a => a.Email!).MaximumLength(320).EmailAddress().When(a => a.Email is not null);
    }
}
