using System.Net;
using System.Security.Cryptography;
using System.Text;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Webhooks;

public sealed class WebhookTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    private readonly HttpClient _admin = api.Admin();

    private async Task<(string Id, string Secret)> SubscribeAsync(WebhookReceiver receiver, params string[] events)
    {
        // A webhook hears only of events after its creation: moving the clock keeps earlier tests' events away.
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var created = await _admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events }).ExpectAsync(HttpStatusCode.Created);
        return ((string)created["id"]!, (string)created["secret"]!);
    }

    /// <summary>Checks the signature the way docs/webhooks.md tells a receiver to.</summary>
    private static void AssertSigned(WebhookReceiver.Received request, string secret)
    {
        var timestamp = request.Header("Cms-Webhook-Timestamp");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal("v1=" + expected, request.Header("Cms-Webhook-Signature"));
        Assert.Equal((string)request.Json["id"]!, request.Header("Cms-Webhook-Id"));
        Assert.Equal(request.Type, request.Header("Cms-Webhook-Event"));
        Assert.NotNull(request.Json["occurredAt"]);
    }

    [Fact]
    public async Task A_post_s_life_arrives_as_signed_events_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await SubscribeAsync(receiver, "post.*");

        var post = await _admin.CreatePostAsync(new { title = "Hooked" });
        var id = (string)post["id"]!;
        var draft = await receiver.WaitForAsync("post.updated", id);
        Assert.Equal("draft", (string)draft.Json["data"]!["status"]!);

        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { status = "published" }).ExpectAsync(HttpStatusCode.OK);
        var published = await receiver.WaitForAsync("post.published", id);
        Assert.Equal("published", (string)published.Json["data"]!["status"]!);
        Assert.Equal("hooked", (string)published.Json["data"]!["slug"]!);

        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { title = "Hooked again" }).ExpectAsync(HttpStatusCode.OK);
        await receiver.WaitForAsync(r => r.Type == "post.updated" && r.ResourceId == id && (string)r.Json["data"]!["title"]! == "Hooked again");

        await _admin.PatchMergeAsync($"/api/v1/posts/{id}", new { status = "draft" }).ExpectAsync(HttpStatusCode.OK);
        await receiver.WaitForAsync("post.unpublished", id);

        await _admin.DeleteAsync($"/api/v1/posts/{id}", null);
        await receiver.WaitForAsync("post.deleted", id);

        var mine = receiver.Requests.Where(r => r.ResourceId == id).ToList();
        Assert.Equal(["post.updated", "post.published", "post.updated", "post.unpublished", "post.deleted"], mine.Select(r => r.Type));
        foreach (var request in mine) AssertSigned(request, secret);
        Assert.Equal(5, mine.Select(r => r.Header("Cms-Webhook-Id")).Distinct().Count());
    }

    [Fact]
    public async Task Tags_and_authors_send_created_updated_and_deleted_and_filters_apply()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await SubscribeAsync(receiver, "tag.*", "author.created");

        var tag = await _admin.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("Hooks") }).ExpectAsync(HttpStatusCode.Created);
        var tagId = (string)tag["id"]!;
        await receiver.WaitForAsync("tag.created", tagId);
        await _admin.PatchMergeAsync($"/api/v1/tags/{tagId}", new { description = "changed" }).ExpectAsync(HttpStatusCode.OK);
        await receiver.WaitForAsync("tag.updated", tagId);
        await _admin.DeleteAsync($"/api/v1/tags/{tagId}", null);
        await receiver.WaitForAsync("tag.deleted", tagId);

        var author = await _admin.CreateAuthorAsync();
        var authorId = (string)author["id"]!;
        var created = await receiver.WaitForAsync("author.created", authorId);
        AssertSigned(created, secret);
        await _admin.PatchMergeAsync($"/api/v1/authors/{authorId}", new { bio = "not subscribed" }).ExpectAsync(HttpStatusCode.OK);

        // A post naming a new tag creates it: that is a tag.created too. The post events are not wanted here.
        var post = await _admin.CreatePostAsync(new { title = "Tagging", tags = new[] { "brand new hook tag" } });
        var newTag = (string)post["tags"]![0]!["id"]!;
        await receiver.WaitForAsync("tag.created", newTag);
        await Task.Delay(500);
        Assert.DoesNotContain(receiver.Requests, r => r.Type.StartsWith("post.") || r.Type == "author.updated");
    }

    [Fact]
    public async Task Images_send_created_updated_and_deleted_and_a_duplicate_upload_sends_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await SubscribeAsync(receiver, "image.*");
        var bytes = TestImages.Png(width: 7, height: 3);

        var id = (string)(await UploadAsync(bytes).ExpectAsync(HttpStatusCode.Created))["id"]!;
        var created = await receiver.WaitForAsync("image.created", id);
        AssertSigned(created, secret);
        Assert.StartsWith("/media/", (string)created.Json["data"]!["url"]!);
        await UploadAsync(bytes).ExpectAsync(HttpStatusCode.OK);

        await _admin.PatchMergeAsync($"/api/v1/images/{id}", new { alt = "A hook" }).ExpectAsync(HttpStatusCode.OK);
        var updated = await receiver.WaitForAsync("image.updated", id);
        Assert.Equal("A hook", (string)updated.Json["data"]!["alt"]!);
        await _admin.DeleteAsync($"/api/v1/images/{id}", null);
        await receiver.WaitForAsync("image.deleted", id);

        Assert.Equal(["image.created", "image.updated", "image.deleted"], receiver.Requests.Where(r => r.ResourceId == id).Select(r => r.Type));

        Task<HttpResponseMessage> UploadAsync(byte[] content)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new("image/png");
            return _admin.PostAsync("/api/v1/images", new MultipartFormDataContent { { file, "file", "hook.png" } });
        }
    }

    [Fact]
    public async Task A_scheduled_post_fires_post_published_when_its_time_comes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeAsync(receiver, "post.published");

        var at = api.Clock.GetUtcNow().AddHours(1);
        var post = await _admin.CreatePostAsync(new { title = "Later", status = "published", publishedAt = at });
        var id = (string)post["id"]!;
        await Task.Delay(500);
        Assert.DoesNotContain(receiver.Requests, r => r.ResourceId == id);

        api.Clock.Advance(TimeSpan.FromHours(2));
        var published = await receiver.WaitForAsync("post.published", id);
        Assert.Equal("published", (string)published.Json["data"]!["status"]!);

        await Task.Delay(500);
        Assert.Single(receiver.Requests, r => r.ResourceId == id);
        var events = await api.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.ResourceId == Guid.Parse(id) && e.Type == "post.published"));
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_with_backoff_and_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Statuses.Enqueue(500);
        var (webhookId, secret) = await SubscribeAsync(receiver, "tag.created");

        var tag = await _admin.PostJsonAsync("/api/v1/tags", new { name = TestApi.Unique("Retry") }).ExpectAsync(HttpStatusCode.Created);
        var tagId = (string)tag["id"]!;
        await receiver.WaitForAsync("tag.created", tagId);
        await WaitUntilAsync(async () => (int)(await DeliveryAsync(webhookId, tagId))["attempts"]! == 1);
        Assert.Single(receiver.Requests, r => r.ResourceId == tagId);

        var pending = await DeliveryAsync(webhookId, tagId);
        Assert.Equal("pending", (string)pending["status"]!);
        Assert.Equal(1, (int)pending["attempts"]!);
        Assert.Equal(500, (int)pending["lastResponseStatus"]!);
        Assert.Equal("HTTP 500", (string)pending["lastError"]!);
        var next = DateTimeOffset.Parse((string)pending["nextAttemptAt"]!);
        Assert.InRange(next - api.Clock.GetUtcNow(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12.5));

        api.Clock.Advance(TimeSpan.FromSeconds(15));
        await receiver.WaitForAsync(r => receiver.Requests.Count(x => x.ResourceId == tagId) == 2);
        var mine = receiver.Requests.Where(r => r.ResourceId == tagId).ToList();
        Assert.Equal(mine[0].Header("Cms-Webhook-Id"), mine[1].Header("Cms-Webhook-Id"));
        AssertSigned(mine[1], secret);

        await WaitUntilAsync(async () => (string)(await DeliveryAsync(webhookId, tagId))["status"]! == "delivered");
        var delivered = await DeliveryAsync(webhookId, tagId);
        Assert.Equal(2, (int)delivered["attempts"]!);
        Assert.Equal(200, (int)delivered["lastResponseStatus"]!);
        Assert.Null(delivered["nextAttemptAt"]);
        Assert.Equal("tag.created", (string)delivered["event"]!);

        var stats = (await _admin.GetAsync($"/api/v1/webhooks/{webhookId}").ExpectAsync(HttpStatusCode.OK))["stats"]!;
        Assert.True((int)stats["attempts"]! >= 2);
        Assert.True((int)stats["delivered"]! >= 1);
        Assert.Equal(0, (int)stats["failures"]!);
        Assert.Equal(200, (int)stats["lastStatus"]!);
    }

    [Fact]
    public async Task A_delivery_fails_for_good_after_the_last_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        for (var i = 0; i < 5; i++) receiver.Statuses.Enqueue(503);
        var (webhookId, _) = await SubscribeAsync(receiver, "author.created");
        var author = await _admin.CreateAuthorAsync();
        var authorId = (string)author["id"]!;

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await receiver.WaitForAsync(r => receiver.Requests.Count(x => x.ResourceId == authorId) == attempt);
            // Move the clock only once the attempt is recorded: its retry is due after the attempt's own "now".
            await WaitUntilAsync(async () => (int)(await DeliveryAsync(webhookId, authorId))["attempts"]! == attempt);
            api.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        await WaitUntilAsync(async () => (string)(await DeliveryAsync(webhookId, authorId))["status"]! == "failed");
        await Task.Delay(300);
        Assert.Equal(3, receiver.Requests.Count(r => r.ResourceId == authorId));
        Assert.Null((await DeliveryAsync(webhookId, authorId))["nextAttemptAt"]);
        var stats = (await _admin.GetAsync($"/api/v1/webhooks/{webhookId}").ExpectAsync(HttpStatusCode.OK))["stats"]!;
        Assert.True((int)stats["failures"]! >= 1);
    }

    /// <summary>The delivery of the event about <paramref name="resourceId"/>, as GET .../deliveries shows it.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> DeliveryAsync(string webhookId, string resourceId)
    {
        var deliveries = await _admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries").ExpectAsync(HttpStatusCode.OK);
        var eventIds = await api.WithDbAsync(db => db.OutboxEvents.Where(e => e.ResourceId == Guid.Parse(resourceId)).Select(e => e.Id.ToString()).ToListAsync());
        return deliveries.AsArray().Single(d => eventIds.Contains((string)d!["eventId"]!))!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"The condition did not hold within {seconds} s.");
    }
}
