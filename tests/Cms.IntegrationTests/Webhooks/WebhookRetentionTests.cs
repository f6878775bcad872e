using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Webhooks;

public sealed class WebhookRetentionTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    [Fact]
    public async Task Old_events_are_pruned_with_their_finished_deliveries_but_pending_ones_are_kept()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = api.Admin();
        await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "tag.created" } }).ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/nobody-listens", events = new[] { "tag.updated" } })
            .ExpectAsync(HttpStatusCode.Created);
        var id = (string)(await admin.PostJsonAsync("/api/v1/tags", new { name = "Kept for a while" }).ExpectAsync(HttpStatusCode.Created))["id"]!;
        await admin.PatchMergeAsync($"/api/v1/tags/{id}", new { description = "changed" }).ExpectAsync(HttpStatusCode.OK);
        await receiver.WaitForAsync("tag.created", id);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && await api.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d =>
                   d.Status == DeliveryStatus.Delivered || (d.Status == DeliveryStatus.Pending && d.Attempts > 0))) < 2)
            await Task.Delay(50);

        api.Clock.Advance(TimeSpan.FromDays(31));
        while (await TypesAsync() is var types && types.Contains("tag.created") && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Equal(["tag.updated"], await TypesAsync());
        var deliveries = await api.WithDbAsync(db => db.WebhookDeliveries.Select(d => d.Status).ToListAsync());
        Assert.Equal([DeliveryStatus.Pending], deliveries);

        Task<List<string>> TypesAsync() => api.WithDbAsync(db => db.OutboxEvents.Where(e => e.ResourceId == Guid.Parse(id)).Select(e => e.Type).ToListAsync());
    }
}
