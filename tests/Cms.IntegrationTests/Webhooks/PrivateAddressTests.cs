using System.Net;
using Cms.Api.Webhooks;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Webhooks;

/// <summary>Cms:Webhooks:AllowPrivateAddresses=false: no delivery reaches a loopback or private address.</summary>
public sealed class PrivateAddressTests(PrivateAddressTests.RefusingApi api) : IClassFixture<PrivateAddressTests.RefusingApi>
{
    public sealed class RefusingApi : WebhookApi
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Cms:Webhooks:AllowPrivateAddresses"] = "false" };
    }

    [Fact]
    public async Task A_webhook_to_a_loopback_address_is_refused_and_the_reason_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = api.Admin();
        var webhookId = (string)(await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "tag.created" } })
            .ExpectAsync(HttpStatusCode.Created))["id"]!;
        await admin.PostJsonAsync("/api/v1/tags", new { name = "Internal" }).ExpectAsync(HttpStatusCode.Created);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        var deliveries = await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK);
        while ((deliveries.AsArray().Count == 0 || (int)deliveries[0]!["attempts"]! == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            deliveries = await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK);
        }
        var delivery = deliveries[0]!;
        Assert.Equal(1, (int)delivery["attempts"]!);
        Assert.Contains("private addresses", (string)delivery["lastError"]!);
        Assert.Null(delivery["lastResponseStatus"]);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("93.184.216.34", false)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("2606:4700:4700::1111", false)]
    public void Private_loopback_and_link_local_addresses_are_recognized(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, PrivateAddresses.IsPrivate(IPAddress.Parse(address)));
}
