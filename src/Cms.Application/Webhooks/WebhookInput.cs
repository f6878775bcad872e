using Cms.Application.Common.Exceptions;
using Cms.Domain;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Webhooks;

/// <summary>The fields of a webhook an admin writes.</summary>
/// <param name="Url">Absolute http or https URL that receives a POST per event.</param>
/// <param name="Events">Event types (post.published, post.updated, post.unpublished, post.deleted, tag.created, tag.updated, tag.deleted, author.created, author.updated, author.deleted, image.created, image.updated, image.deleted) or patterns such as 'post.*' and '*'.</param>
/// <param name="Secret">Signs the deliveries; 16 to 200 characters. Generated when absent on create; a PATCH with a secret replaces it.</param>
/// <param name="Active">Defaults to true.</param>
public sealed record WebhookInput(string Url, IReadOnlyList<string> Events, string? Secret = null, bool? Active = null)
{
    public static WebhookInput From(Webhook webhook) => new(webhook.Url, webhook.Events, null, webhook.Active);
}

public sealed class WebhookInputValidator : AbstractValidator<WebhookInput>
{
    public WebhookInputValidator()
    {
        RuleFor(w => w.Url).NotEmpty().MaximumLength(Webhook.UrlMaxLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && string.IsNullOrEmpty(uri.UserInfo))
            .WithMessage("'url' must be an absolute http or https URL without user information.");
        RuleFor(w => w.Events).NotEmpty().Must(e => e is null || e.Count <= 50).WithMessage("'events' can hold at most 50 entries.");
        RuleForEach(w => w.Events).Must(e => e is not null && WebhookEvents.IsValidPattern(e))
            .WithMessage((_, e) => $"Unknown event '{e}'. Use one of {string.Join(", ", WebhookEvents.All)}, a resource wildcard such as 'post.*', or '*'.");
        RuleFor(w => w.Secret!).Length(16, 200).When(w => w.Secret is not null);
    }
}

public static class WebhookLoad
{
    public static async Task<Webhook> LoadAsync(ICmsDb db, Guid id, CancellationToken ct) =>
        await db.Webhooks.FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Webhook", id.ToString());

    public static WebhookResponse ToResponse(Webhook w) => new(w.Id, w.Url, w.Events, w.Active, w.CreatedAt, w.UpdatedAt);

    public static string[] Normalize(IReadOnlyList<string> events) => [.. events.Select(e => e.Trim()).Distinct()];
}
