namespace Cms.Api.Webhooks;

/// <summary>The <c>Cms:Webhooks</c> settings (docs/webhooks.md).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Cms:Webhooks";

    /// <summary>Runs the dispatcher in this process. Every instance may run it: claims skip what another holds.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for new events, due retries and scheduled posts whose time has come.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts per delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long one attempt may take, connection included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry's delay; each further retry doubles it, plus up to 20% jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether deliveries may go to loopback, private, link-local and other non-public addresses.
    /// True by default so a receiver on localhost works in development; set false in production
    /// unless a receiver lives on the private network (docs/webhooks.md, SSRF).
    /// </summary>
    public bool AllowPrivateAddresses { get; set; } = true;

    /// <summary>How long events and their finished deliveries are kept (pruned hourly); pending ones are always kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Deliveries claimed per round.</summary>
    public int BatchSize { get; set; } = 20;
}
