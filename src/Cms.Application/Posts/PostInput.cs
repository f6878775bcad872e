using System.Text.Json;
using Cms.Application.Common;
using Cms.Domain;
using FluentValidation;

namespace Cms.Application.Posts;

/// <summary>The fields of a post that an editor writes (the body of POST and PUT).</summary>
/// <param name="Title">Required, at most 300 characters.</param>
/// <param name="Slug">URL name; generated from the title when absent on create, kept when absent on update.</param>
/// <param name="Excerpt">Short summary shown in lists.</param>
/// <param name="Body">Markdown source.</param>
/// <param name="Status">draft (default), published, or scheduled (needs a future publishedAt).</param>
/// <param name="PublishedAt">When the post is (or was, or will be) published; defaults to now when publishing.</param>
/// <param name="Authors">Author slugs, in byline order; an unknown slug is a 400.</param>
/// <param name="Tags">Tag names or slugs; unknown tags are created.</param>
/// <param name="Categories">Category names.</param>
/// <param name="Metadata">Front-matter keys without a field of their own (layout, permalink, ...).</param>
/// <param name="FeatureImageId">Id of an image of the media library shown with the post; an unknown id is a 400.</param>
public sealed record PostInput(
    string Title,
    string? Slug = null,
    string? Excerpt = null,
    string? Body = null,
    PostStatus? Status = null,
    DateTimeOffset? PublishedAt = null,
    IReadOnlyList<string>? Authors = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyDictionary<string, JsonElement>? Metadata = null,
    Guid? FeatureImageId = null)
{
    /// <summary>The stored state of a post as input, the target a merge patch applies to.</summary>
    public static PostInput From(Post post) => new(
        post.Title,
        post.Slug,
        post.Excerpt,
        post.Body,
        post.Status,
        post.PublishedAt,
        [.. post.Authors.OrderBy(a => a.Position).Select(a => a.Author.Slug)],
        [.. post.Tags.OrderBy(t => t.Position).Select(t => t.Tag.Slug)],
        post.Categories,
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(post.Metadata, CmsJson.Options),
        post.FeatureImageId);
}

public sealed class PostInputValidator : AbstractValidator<PostInput>
{
    public PostInputValidator(TimeProvider clock)
    {
        RuleFor(p => p.Title).NotEmpty().MaximumLength(Post.TitleMaxLength);
        RuleFor(p => p.Slug!).Must(Slug.IsValid).When(p => p.Slug is not null)
            .WithMessage("'slug' must be lowercase letters, digits and single hyphens, at most 200 characters.");
        RuleFor(p => p.Excerpt).MaximumLength(2000);
        RuleFor(p => p.Body).MaximumLength(1_000_000);
        RuleFor(p => p.Status).IsInEnum();
        RuleFor(p => p.PublishedAt)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("'publishedAt' is required when status is scheduled.")
            .Must(at => at > clock.GetUtcNow()).WithMessage("'publishedAt' must be in the future when status is scheduled.")
            .When(p => p.Status == PostStatus.Scheduled);
        RuleFor(p => p.Authors).Must(a => a!.Count <= 20).When(p => p.Authors is not null).WithMessage("At most 20 authors.");
        RuleForEach(p => p.Authors).NotEmpty().MaximumLength(Slug.MaxLength);
        RuleFor(p => p.Tags).Must(t => t!.Count <= 50).When(p => p.Tags is not null).WithMessage("At most 50 tags.");
        RuleForEach(p => p.Tags).NotEmpty().MaximumLength(100);
        RuleFor(p => p.Categories).Must(c => c!.Count <= 20).When(p => p.Categories is not null).WithMessage("At most 20 categories.");
        RuleForEach(p => p.Categories).NotEmpty().MaximumLength(100);
    }
}
