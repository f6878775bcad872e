using System.Net;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.IntegrationTests.Hardening;

public sealed class LoggedFactory : CmsApiFactory
{
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }
}

public sealed class RequestLogTests(LoggedFactory api) : IClassFixture<LoggedFactory>
{
    [Fact]
    public async Task Each_request_is_logged_once_with_route_status_duration_and_trace_and_no_secret_ever()
    {
        var admin = api.Admin();
        var draft = await admin.CreatePostAsync(new { title = "Logged draft" });
        var preview = await admin.PostJsonAsync($"/api/v1/posts/{draft["id"]}/preview", new { }).ExpectAsync(HttpStatusCode.OK);
        var token = (string)preview["token"]!;
        var created = await admin.PostJsonAsync("/api/v1/keys", new { name = "logged", scope = "content" }).ExpectAsync(HttpStatusCode.Created);
        var secret = (string)created["secret"]!;
        api.Logs.Lines.Clear();

        var marker = Guid.NewGuid().ToString("N");
        await api.Anonymous().GetAsync($"/api/v1/posts/{draft["id"]}?preview={Uri.EscapeDataString(token)}&marker={marker}").ExpectAsync(HttpStatusCode.OK);
        await api.WithKey(secret).GetAsync("/api/v1/tags").ExpectAsync(HttpStatusCode.OK);
        await api.WithKey("cms_wrong-" + marker).GetAsync("/api/v1/tags").ExpectAsync(HttpStatusCode.Unauthorized);

        var requests = api.Logs.Lines.Where(l => l.Category.EndsWith("RequestLog")).Select(l => l.Message).ToList();
        Assert.Equal(3, requests.Count);
        Assert.Contains(requests, m => m.StartsWith("HTTP GET /api/v1/posts/{id:guid} responded 200 in ") && m.Contains("(trace "));
        Assert.Contains(requests, m => m.StartsWith("HTTP GET /api/v1/tags responded 401"));
        foreach (var (_, message) in api.Logs.Lines)
        {
            Assert.DoesNotContain(token, message);
            Assert.DoesNotContain(secret, message);
            Assert.DoesNotContain(api.AdminKey, message);
            Assert.DoesNotContain(marker, message);
        }
    }
}
