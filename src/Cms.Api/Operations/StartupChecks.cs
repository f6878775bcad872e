using Cms.Infrastructure.Data;
using Npgsql;

namespace Cms.Api.Operations;

/// <summary>
/// Settings checked before anything starts: a bad value stops the API with one line that names it
/// and an exit code, instead of a stack trace at the first request that needs it.
/// </summary>
public static class StartupChecks
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var connectionString = configuration.GetConnectionString("Cms");
        if (string.IsNullOrWhiteSpace(connectionString)) problems.Add("ConnectionStrings:Cms is not set (ConnectionStrings__Cms in the environment).");
        else
        {
            try
            {
                var parsed = new NpgsqlConnectionStringBuilder(connectionString);
                if (string.IsNullOrWhiteSpace(parsed.Host)) problems.Add("ConnectionStrings:Cms names no Host.");
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                problems.Add($"ConnectionStrings:Cms is not a valid PostgreSQL connection string ({e.Message}).");
            }
        }

        Positive(configuration, problems, "Cms:RateLimits:ReadsPerMinute", "Cms:RateLimits:WritesPerMinute", "Cms:RateLimits:FailedAuthPerMinute",
            "Cms:Limits:MaxJsonBodyBytes", "Cms:Images:MaxBytes", "Cms:Images:MaxPixels", "Cms:Import:MaxBytes", "Cms:Import:MaxFiles",
            "Cms:Import:MaxUnzippedBytes");
        if (configuration["Cms:Auth:KeyCacheSeconds"] is { } cache && (!int.TryParse(cache, out var seconds) || seconds < 0))
            problems.Add($"Cms:Auth:KeyCacheSeconds must be 0 or more, not '{cache}'.");
        if (configuration["Cms:Preview:Lifetime"] is { } lifetime)
        {
            if (!TimeSpan.TryParse(lifetime, System.Globalization.CultureInfo.InvariantCulture, out var span) || span <= TimeSpan.Zero)
                problems.Add($"Cms:Preview:Lifetime must be a positive time span such as 01:00:00, not '{lifetime}'.");
            else if (span > TimeSpan.FromDays(30))
                problems.Add($"Cms:Preview:Lifetime is at most 30 days, not '{lifetime}': a preview link is a short-lived secret.");
        }
        if (configuration["Cms:Auth:BootstrapAdminKey"] is { Length: > 0 and < 32 } weak)
            problems.Add($"Cms:Auth:BootstrapAdminKey must be at least 32 characters (it is {weak.Length}); generate one with: openssl rand -base64 32");
        if (configuration["Cms:Search:Language"] is { } language && !SearchLanguage.IsName(language))
            problems.Add($"Cms:Search:Language '{language}' is not a text search configuration name.");
        if (configuration["Cms:Images:VariantWidths"] is { } widths
            && widths.Split(',', StringSplitOptions.TrimEntries).Any(w => !int.TryParse(w, out var n) || n <= 0))
            problems.Add($"Cms:Images:VariantWidths must be a comma list of positive widths, not '{widths}'.");

        if (configuration["Cms:Metrics:Mode"] is { } mode && mode.ToLowerInvariant() is not ("admin" or "port" or "off"))
            problems.Add($"Cms:Metrics:Mode must be admin, port or off, not '{mode}'.");
        if (configuration["Cms:Metrics:Port"] is { } port && (!int.TryParse(port, out var p) || p is < 1 or > 65535))
            problems.Add($"Cms:Metrics:Port must be a port number, not '{port}'.");
        Positive(configuration, problems, "Cms:ShutdownTimeoutSeconds");
        foreach (var proxy in configuration.GetSection("Cms:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            if (!System.Net.IPAddress.TryParse(proxy, out _)) problems.Add($"Cms:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
        foreach (var network in configuration.GetSection("Cms:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            if (!System.Net.IPNetwork.TryParse(network, out _)) problems.Add($"Cms:ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR network such as 10.0.0.0/8.");

        var root = configuration["Cms:Images:Root"] ?? "./data/images";
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".write-check-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"Cms:Images:Root '{root}' cannot be created or written ({e.Message}).");
        }
        return problems;
    }

    private static void Positive(IConfiguration configuration, List<string> problems, params string[] keys)
    {
        foreach (var key in keys)
            if (configuration[key] is { } value && (!long.TryParse(value, out var n) || n <= 0))
                problems.Add($"{key} must be a positive number, not '{value}'.");
    }
}
