namespace Cms.Domain;

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One event on its way to one webhook: retried with exponential backoff until a 2xx or the last attempt.</summary>
public sealed class WebhookDelivery
{
    public const int ErrorMaxLength = 500;

    private WebhookDelivery() { }

    public WebhookDelivery(Guid eventId, Guid webhookId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        EventId = eventId;
        WebhookId = webhookId;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public Guid WebhookId { get; private set; }
    public DeliveryStatus Status { get; private set; } = DeliveryStatus.Pending;
    public int Attempts { get; private set; }
    /// <summary>When the next attempt is due; null once delivered or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastResponseStatus { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Succeeded(DateTimeOffset now, int responseStatus)
    {
        Attempted(now, responseStatus, null);
        Status = DeliveryStatus.Delivered;
        NextAttemptAt = null;
    }

    /// <summary>A failed attempt: another one after <paramref name="backoff"/>(attempts so far), or failed for good after the last.</summary>
    public void AttemptFailed(DateTimeOffset now, int? responseStatus, string error, int maxAttempts, Func<int, TimeSpan> backoff)
    {
        Attempted(now, responseStatus, error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error);
        if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = now + backoff(Attempts);
        }
    }

    private void Attempted(DateTimeOffset now, int? responseStatus, string? error)
    {
        Attempts++;
        LastAttemptAt = now;
        LastResponseStatus = responseStatus;
        LastError = error;
    }
}
