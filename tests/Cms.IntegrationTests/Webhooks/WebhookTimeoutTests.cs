using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Webhooks;

public sealed class WebhookTimeoutTests(WebhookTimeoutTests.ImpatientApi api) : IClassFixture<WebhookTimeoutTests.ImpatientApi>
{
    public sealed class ImpatientApi : WebhookApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Cms:Webhooks:Timeout"] = "00:00:00.3" };
    }

    [Fact]
    public async Task A_receiver_slower_than_the_timeout_is_a_failed_attempt_retried_later()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromSeconds(3);
        var admin = api.Admin();
        var webhookId = (string)(await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "author.created" } })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        await admin.CreateAuthorAsync();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        var deliveries = await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK);
        while ((deliveries.AsArray().Count == 0 || (int)deliveries[0]!["attempts"]! == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            deliveries = await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK);
        }
        var delivery = deliveries[0]!;
        Assert.Equal("pending", (string)delivery["status"]!);
        Assert.Equal("Timed out", (string)delivery["lastError"]!);
        Assert.NotNull(delivery["nextAttemptAt"]);
        Assert.Single(receiver.Requests);
    }
}
