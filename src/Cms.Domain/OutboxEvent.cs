namespace Cms.Domain;

/// <summary>
/// Something that happened, written in the same transaction as the change itself (the outbox), so
/// an event exists if and only if its change was committed. Its id is the event id receivers
/// de-duplicate on.
/// </summary>
public sealed class OutboxEvent
{
    private OutboxEvent() { }

    public OutboxEvent(string type, Guid resourceId, string payload, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Type = type;
        ResourceId = resourceId;
        Payload = payload;
        OccurredAt = now;
    }

    public Guid Id { get; private set; }
    public string Type { get; private set; } = "";
    public Guid ResourceId { get; private set; }
    /// <summary>The event's <c>data</c> as JSON.</summary>
    public string Payload { get; private set; } = "{}";
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>When the dispatcher made this event's deliveries, one per interested webhook; null until then.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    public void MarkDispatched(DateTimeOffset now) => DispatchedAt = now;
}
