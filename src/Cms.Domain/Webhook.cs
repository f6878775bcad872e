namespace Cms.Domain;

/// <summary>
/// A URL told about changes. The secret is stored as is: the dispatcher needs it to sign every
/// delivery (unlike an API key, which is only ever compared, so only its hash is kept).
/// </summary>
public sealed class Webhook
{
    public const int UrlMaxLength = 2000;

    private Webhook() { }

    public Webhook(string url, string[] events, string secret, bool active, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Url = url;
        Events = events;
        Secret = secret;
        Active = active;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Url { get; private set; } = "";
    /// <summary>Event types or patterns (<c>post.published</c>, <c>post.*</c>, <c>*</c>).</summary>
    public string[] Events { get; private set; } = [];
    public string Secret { get; private set; } = "";
    public bool Active { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public void Change(string url, string[] events, bool active, DateTimeOffset now)
    {
        Url = url;
        Events = events;
        Active = active;
        UpdatedAt = now;
    }

    public void RotateSecret(string secret) => Secret = secret;

    /// <summary>True when one of the patterns names <paramref name="type"/>: exactly, by its resource (<c>post.*</c>) or <c>*</c>.</summary>
    public bool Wants(string type) => Matches(Events, type);

    public static bool Matches(IEnumerable<string> patterns, string type) =>
        patterns.Any(p => p == "*" || p == type || (p.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(p[..^1], StringComparison.Ordinal)));
}
