using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.IntegrationTests.Infrastructure;

/// <summary>A real HTTP server on a free local port that records every webhook request it gets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _requests = new();

    /// <summary>The statuses to answer with, in order; 200 once they run out.</summary>
    public ConcurrentQueue<int> Statuses { get; } = new();

    /// <summary>How long to wait before answering, to make a sender time out.</summary>
    public TimeSpan Delay { get; set; }

    public string Url { get; private set; } = "";

    public IReadOnlyList<Received> Requests => [.. _requests];

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            _requests.Enqueue(new Received(body, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            context.Response.StatusCode = Statuses.TryDequeue(out var status) ? status : 200;
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits until a request matches, or fails the test after <paramref name="seconds"/>.</summary>
    public async Task<Received> WaitForAsync(Func<Received, bool> match, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_requests.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching webhook request within {seconds} s; got: {string.Join(" | ", _requests.Select(r => r.Type))}");
    }

    public Task<Received> WaitForAsync(string type, string resourceId, int seconds = 15) =>
        WaitForAsync(r => r.Type == type && r.ResourceId == resourceId, seconds);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record Received(string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public JsonNode Json { get; } = JsonNode.Parse(Body)!;
        public string Type => (string)Json["type"]!;
        public string ResourceId => (string)Json["data"]!["id"]!;
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
    }
}
