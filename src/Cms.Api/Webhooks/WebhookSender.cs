using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Application.Common;
using Cms.Application.Webhooks;
using Cms.Domain;

namespace Cms.Api.Webhooks;

/// <summary>The outcome of one attempt: a status if the receiver answered, an error unless it was a 2xx.</summary>
public sealed record AttemptOutcome(bool Succeeded, int? Status, string? Error);

/// <summary>POSTs one event to one webhook, signed with its secret (docs/webhooks.md).</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task<AttemptOutcome> SendAsync(Webhook webhook, OutboxEvent e, CancellationToken ct)
    {
        var body = Body(e);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cms-Webhook-Id", e.Id.ToString());
        request.Headers.Add("Cms-Webhook-Event", e.Type);
        request.Headers.Add("Cms-Webhook-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Cms-Webhook-Signature", WebhookSecrets.Sign(webhook.Secret, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Cms-Webhooks", "1"));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new(true, status, null) : new(false, status, $"HTTP {status}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(false, null, "Timed out");
        }
        catch (HttpRequestException ex)
        {
            return new(false, null, ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message);
        }
    }

    /// <summary><c>{ id, type, occurredAt, data }</c>: the exact bytes that are signed.</summary>
    public static string Body(OutboxEvent e) => new JsonObject
    {
        ["id"] = e.Id,
        ["type"] = e.Type,
        ["occurredAt"] = JsonSerializer.SerializeToNode(e.OccurredAt, CmsJson.Options),
        ["data"] = JsonNode.Parse(e.Payload),
    }.ToJsonString();
}
