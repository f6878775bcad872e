using Cms.Domain;

namespace Cms.Application.Webhooks;

/// <summary>A webhook as listed: never its secret.</summary>
/// <param name="Events">Event types or patterns such as 'post.*' and '*'.</param>
/// <param name="Active">An inactive webhook gets no new deliveries; its pending ones wait until it is active again.</param>
public sealed record WebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A webhook with what its deliveries have done so far.</summary>
/// <param name="Stats">Counts over all its deliveries, and the last attempt.</param>
public sealed record WebhookDetails(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DeliveryStats Stats);

/// <param name="Attempts">HTTP requests made, retries included.</param>
/// <param name="Delivered">Deliveries answered with a 2xx.</param>
/// <param name="Pending">Deliveries waiting for their first attempt or a retry.</param>
/// <param name="Failures">Deliveries given up after the last attempt.</param>
/// <param name="LastAttemptAt">When the last request was made.</param>
/// <param name="LastStatus">The HTTP status of the last request; null if it got no answer (see the deliveries' lastError).</param>
public sealed record DeliveryStats(int Attempts, int Delivered, int Pending, int Failures, DateTimeOffset? LastAttemptAt, int? LastStatus);

/// <summary>A new webhook, with its secret: shown this once.</summary>
/// <param name="Secret">Verify each delivery's Cms-Webhook-Signature with it (docs/webhooks.md). It cannot be shown again.</param>
public sealed record CreatedWebhookResponse(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string Secret);

/// <summary>One event on its way to one webhook.</summary>
/// <param name="EventId">The event's id, the same for every webhook and every retry: de-duplicate on it.</param>
/// <param name="Status">pending, delivered or failed (after the last attempt).</param>
/// <param name="NextAttemptAt">When the next attempt is due; null once delivered or failed.</param>
/// <param name="LastResponseStatus">The HTTP status of the last attempt, if it got an answer.</param>
/// <param name="LastError">Why the last attempt failed: a status, a timeout, a refused connection.</param>
public sealed record DeliveryResponse(Guid Id, Guid EventId, string Event, DateTimeOffset OccurredAt, DeliveryStatus Status, int Attempts,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, int? LastResponseStatus, string? LastError);
