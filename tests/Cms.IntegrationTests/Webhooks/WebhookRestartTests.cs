using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Webhooks;

public sealed class WebhookRestartTests
{
    [Fact]
    public async Task A_pending_delivery_is_sent_by_the_next_process_after_a_restart()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Statuses.Enqueue(500);
        var first = new WebhookApi();
        await first.InitializeAsync();
        string webhookId, tagId;
        try
        {
            var admin = first.Admin();
            webhookId = (string)(await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "tag.*" } })
                .ExpectAsync(HttpStatusCode.Created))["id"]!;
            tagId = (string)(await admin.PostJsonAsync("/api/v1/tags", new { name = "Survivor" }).ExpectAsync(HttpStatusCode.Created))["id"]!;
            await receiver.WaitForAsync("tag.created", tagId);
            // Stop once the failed attempt is recorded (an attempt cut off by the stop is simply made again).
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((int)(await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK))[0]!["attempts"]! == 0
                   && DateTime.UtcNow < deadline)
                await Task.Delay(50);
        }
        finally
        {
            await first.DisposeAsync(); // the process stops; its database stays
        }

        var second = new WebhookApi(first.DatabaseName);
        try
        {
            await second.InitializeAsync();
            second.Clock.Advance(TimeSpan.FromMinutes(1));
            var admin = second.Admin(); // starts the second process
            await receiver.WaitForAsync(r => receiver.Requests.Count == 2);
            Assert.All(receiver.Requests, r => Assert.Equal(tagId, r.ResourceId));
            Assert.Equal(receiver.Requests[0].Header("Cms-Webhook-Id"), receiver.Requests[1].Header("Cms-Webhook-Id"));

            var deadline = DateTime.UtcNow.AddSeconds(10);
            var delivery = (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK))[0]!;
            while ((string)delivery["status"]! != "delivered" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
                delivery = (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK))[0]!;
            }
            Assert.Equal("delivered", (string)delivery["status"]!);
            Assert.Equal(2, (int)delivery["attempts"]!);
        }
        finally
        {
            await second.DisposeAsync();
            await TestDatabase.DropAsync(first.DatabaseName);
        }
    }

    [Fact]
    public async Task Two_instances_dispatch_side_by_side_and_send_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var first = new WebhookApi();
        await first.InitializeAsync();
        var second = new WebhookApi(first.DatabaseName);
        try
        {
            var admin = first.Admin();
            second.Admin(); // starts the second process, with its own dispatcher
            await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "tag.created" } }).ExpectAsync(HttpStatusCode.Created);
            var ids = new List<string>();
            for (var i = 0; i < 30; i++)
                ids.Add((string)(await admin.PostJsonAsync("/api/v1/tags", new { name = $"Shared {i}" }).ExpectAsync(HttpStatusCode.Created))["id"]!);

            foreach (var id in ids) await receiver.WaitForAsync("tag.created", id);
            await Task.Delay(500);
            Assert.Equal(30, receiver.Requests.Count);
            Assert.Equal(30, receiver.Requests.Select(r => r.Header("Cms-Webhook-Id")).Distinct().Count());
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            await TestDatabase.DropAsync(first.DatabaseName);
        }
    }
}
