using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Operations;

public sealed class HealthTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_a_key(string url)
    {
        var health = await api.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", (string)health["status"]!);
    }

    [Fact]
    public async Task Readiness_checks_the_database()
    {
        var health = await api.Anonymous().GetAsync("/health/ready").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", (string)health["checks"]!["database"]!);
    }
}
