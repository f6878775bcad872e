using Microsoft.Extensions.Options;

namespace Cms.Api.Webhooks;

public static class WebhookSetup
{
    public static IServiceCollection AddCmsWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.Timeout > TimeSpan.Zero && o.RetryDelay > TimeSpan.Zero
                    && o.Retention > TimeSpan.Zero && o.MaxAttempts > 0 && o.BatchSize > 0,
                "Cms:Webhooks: PollInterval, Timeout, RetryDelay and Retention must be positive durations, MaxAttempts and BatchSize positive numbers.")
            .ValidateOnStart();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect could lead anywhere, past the address check: a 3xx is a failed attempt.
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = PrivateAddresses.Connect(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateAddresses),
            });
        services.AddSingleton<WebhookSender>();
        if (configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>()?.Enabled ?? true)
            services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
