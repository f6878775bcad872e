using Cms.Api.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.IntegrationTests.Webhooks;

public sealed class WebhookSettingsTests
{
    [Theory]
    [InlineData("PollInterval", "00:00:00")]
    [InlineData("Timeout", "-00:00:01")]
    [InlineData("MaxAttempts", "0")]
    public void A_setting_that_is_not_positive_is_refused_with_the_section_named(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Cms:Webhooks:{key}"] = value, ["Cms:Webhooks:Enabled"] = "false" })
            .Build();
        using var services = new ServiceCollection().AddCmsWebhooks(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookOptions>>().Value);
        Assert.Contains("Cms:Webhooks", error.Message);
    }

    [Fact]
    public void The_defaults_are_valid() =>
        Assert.Equal(8, new ServiceCollection().AddCmsWebhooks(new ConfigurationBuilder().Build()).BuildServiceProvider()
            .GetRequiredService<IOptions<WebhookOptions>>().Value.MaxAttempts);
}
