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
