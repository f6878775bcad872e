using System.Net;
using System.Text;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.IntegrationTests.Hardening;

public sealed class BrowserSafetyTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task Api_responses_carry_the_security_headers()
    {
        var response = await api.Anonymous().GetAsync("/api/v1/posts");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("Authorization", response.Headers.Vary);
    }

    [Fact]
    public async Task Swagger_ui_gets_a_strict_csp_that_still_lets_it_load_its_own_scripts()
    {
        var response = await api.Anonymous().GetAsync("/swagger/index.html");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/swagger/index.js")).StatusCode);
    }

    [Fact]
    public async Task What_a_key_unlocks_is_marked_private()
    {
        var response = await api.Admin().GetAsync("/api/v1/posts?status=all");
        Assert.True(response.Headers.CacheControl!.Private);
    }

    [Fact]
    public async Task Without_configured_origins_no_browser_origin_is_allowed()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/posts");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await api.Anonymous().SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_json_body_over_the_limit_is_a_413_and_stores_nothing()
    {
        var title = TestApi.Unique("Huge");
        var body = $$"""{"title":"{{title}}","body":"{{new string('x', 5_300_000)}}"}""";
        var response = await api.Admin().PostAsync("/api/v1/posts", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Task.FromResult(response).ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(413, (int)problem["status"]!);
        Assert.False(await api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Posts, p => p.Title == title)));
    }
}

public sealed class CorsFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Cors:AllowedOrigins:0"] = "https://blog.example",
    };
}

public sealed class CorsTests(CorsFactory api) : IClassFixture<CorsFactory>
{
    [Fact]
    public async Task A_configured_origin_may_call_with_keys_and_conditional_headers_and_read_the_etag()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/posts/00000000-0000-0000-0000-000000000000");
        preflight.Headers.Add("Origin", "https://blog.example");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, if-match, content-type");
        var response = await api.Anonymous().SendAsync(preflight);

        Assert.Equal("https://blog.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));

        var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/posts");
        get.Headers.Add("Origin", "https://blog.example");
        var answer = await api.Anonymous().SendAsync(get);
        Assert.Contains("ETag", string.Join(",", answer.Headers.GetValues("Access-Control-Expose-Headers")));

        var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/posts");
        other.Headers.Add("Origin", "https://evil.example");
        Assert.False((await api.Anonymous().SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class HttpsFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Https:Redirect"] = "true",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The test server has no peer address; a real one always does, and only configured proxies are believed.
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ClientAddress()));
    }

    private sealed class ClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class HttpsTests(HttpsFactory api) : IClassFixture<HttpsFactory>
{
    [Fact]
    public async Task Plain_http_is_redirected_and_a_forged_forwarded_proto_is_not_believed()
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var plain = await client.GetAsync("/api/v1/tags");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tags");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
    }

    [Fact]
    public async Task Https_answers_carry_hsts()
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://cms.example") });
        var response = await client.GetAsync("/api/v1/tags");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }
}
