using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Webhooks;

public sealed class WebhookSettingsTests
{
    private sealed class ZeroPollInterval : WebhookApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Cms:Webhooks:PollInterval"] = "00:00:00" };
    }

    [Fact]
    public async Task A_poll_interval_that_is_not_positive_stops_the_start_with_the_setting_named()
    {
        var api = new ZeroPollInterval();
        await api.InitializeAsync();
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
            Assert.Contains("Cms:Webhooks", error.ToString());
        }
        finally
        {
            try { await api.DisposeAsync(); } catch (Exception) { /* the host never started */ }
            await TestDatabase.DropAsync(api.DatabaseName);
        }
    }
}
