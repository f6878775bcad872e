using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Operations;

public sealed class MetricsTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task Prometheus_metrics_are_served_to_admins_only()
    {
        await api.Anonymous().GetAsync("/api/v1/posts").ExpectAsync(HttpStatusCode.OK);

        await api.Anonymous().GetAsync("/metrics").ExpectAsync(HttpStatusCode.Unauthorized);
        await api.WithKey(await api.CreateKeyAsync(ApiKeyScope.Content)).GetAsync("/metrics").ExpectAsync(HttpStatusCode.Forbidden);
        var response = await api.Admin().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text);
    }
}

public sealed class MetricsPortFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Metrics:Mode"] = "port",
        ["Cms:Metrics:Port"] = "9464",
    };
}

public sealed class MetricsPortTests(MetricsPortFactory api) : IClassFixture<MetricsPortFactory>
{
    [Fact]
    public async Task On_its_own_port_metrics_are_not_served_on_another_port_whatever_the_host_header_says()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = "localhost:9464";
        var response = await api.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
