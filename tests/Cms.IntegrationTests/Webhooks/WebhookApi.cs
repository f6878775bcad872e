using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Webhooks;

/// <summary>The API with its webhook dispatcher on, polling every 100 ms.</summary>
public class WebhookApi : CmsApiFactory
{
    private readonly string? _existingDatabase;

    public WebhookApi() { }

    /// <summary>A second API process on the database of a first one, as after a restart.</summary>
    internal WebhookApi(string existingDatabase) => _existingDatabase = existingDatabase;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Webhooks:Enabled"] = "true",
        ["Cms:Webhooks:PollInterval"] = "00:00:00.1",
        ["Cms:Webhooks:Timeout"] = "00:00:05",
        ["Cms:Webhooks:MaxAttempts"] = "3",
    };

    public override async Task InitializeAsync()
    {
        if (_existingDatabase is null) await base.InitializeAsync();
        else DatabaseName = _existingDatabase;
    }
}
