using Cms.Domain;
using FluentValidation;

namespace Cms.Application.Tags;

/// <summary>The fields of a tag an editor writes.</summary>
/// <param name="Name">Required, at most 100 characters.</param>
/// <param name="Slug">Generated from the name when absent on create, kept when absent on update.</param>
public sealed record TagInput(string Name, string? Slug = null, string? Description = null)
{
    public static TagInput From(Tag tag) => new(tag.Name, tag.Slug, tag.Description);
}

public sealed class TagInputValidator : AbstractValidator<TagInput>
{
    public TagInputValidator()
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(100);
        RuleFor(t => t.Slug!).Must(Slug.IsValid).When(t => t.Slug is not null)
            .WithMessage("'slug' must be lowercase letters, digits and single hyphens, at most 200 characters.");
        RuleFor(t => t.Description).MaximumLength(5000);
    }
}
