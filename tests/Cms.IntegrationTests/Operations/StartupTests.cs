using System.Diagnostics;

namespace Cms.IntegrationTests.Operations;

/// <summary>The real Cms.Api.dll, started with bad settings: one line that names the problem, an exit code, no stack trace.</summary>
public sealed class StartupTests
{
    private static async Task<(int Code, string Output)> RunAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cms.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Cms__Images__Root"] = Path.Combine(Path.GetTempPath(), "cms-startup-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await error + await output);
    }

    [Theory]
    [InlineData("ConnectionStrings__Cms", "Host=localhost;Port=not-a-port", "ConnectionStrings:Cms")]
    [InlineData("Cms__RateLimits__WritesPerMinute", "0", "Cms:RateLimits:WritesPerMinute")]
    [InlineData("Cms__Images__MaxBytes", "-5", "Cms:Images:MaxBytes")]
    [InlineData("Cms__Images__Root", "/proc/cms-cannot-be-here", "Cms:Images:Root")]
    [InlineData("Cms__Preview__Lifetime", "-01:00:00", "Cms:Preview:Lifetime")]
    [InlineData("Cms__Auth__BootstrapAdminKey", "admin", "Cms:Auth:BootstrapAdminKey")]
    [InlineData("Cms__Metrics__Mode", "everywhere", "Cms:Metrics:Mode")]
    [InlineData("Cms__ForwardedHeaders__KnownProxies__0", "not-an-ip", "Cms:ForwardedHeaders:KnownProxies")]
    [InlineData("Cms__ShutdownTimeoutSeconds", "soon", "Cms:ShutdownTimeoutSeconds")]
    public async Task A_bad_setting_stops_the_api_with_one_line_naming_it(string key, string value, string named)
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Cms"] = "Host=127.0.0.1;Port=1;Database=cms;Username=cms;Password=cms" };
        environment[key] = value;

        var (code, output) = await RunAsync(environment);

        Assert.Equal(2, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cms cannot start: " + named, line);
    }

    [Fact]
    public async Task An_unreachable_database_at_start_is_one_line_and_exit_code_3()
    {
        var (code, output) = await RunAsync(new() { ["ConnectionStrings__Cms"] = "Host=127.0.0.1;Port=1;Database=cms;Username=cms;Password=secret-pw;Timeout=2" });

        Assert.Equal(3, code);
        Assert.Contains("Cms cannot start: the database cms at 127.0.0.1:1 cannot be used", output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("secret-pw", output);
    }
}
