namespace Cms.Api.Hardening;

/// <summary><c>Cms:Cors</c>: the browser origins that may call the API (none by default; any in Development).</summary>
public sealed class CorsOptions
{
    public const string Section = "Cms:Cors";
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary><c>Cms:Https</c>: redirect to HTTPS and send HSTS (outside Development), when the API is reached over TLS.</summary>
public sealed class HttpsOptions
{
    public const string Section = "Cms:Https";
    public bool Redirect { get; set; }
    /// <summary>The port clients reach HTTPS on (what the redirect points to).</summary>
    public int Port { get; set; } = 443;
    public int HstsMaxAgeDays { get; set; } = 365;
}

/// <summary><c>Cms:ForwardedHeaders</c>: the proxies whose X-Forwarded-For/-Proto are believed; nobody's by default.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "Cms:ForwardedHeaders";
    public string[] KnownProxies { get; set; } = [];
    /// <summary>CIDR networks, e.g. 10.0.0.0/8.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary><c>Cms:Limits</c>: request body limits.</summary>
public sealed class BodyLimitOptions
{
    public const string Section = "Cms:Limits";
    /// <summary>
    /// The largest JSON body any endpoint accepts; larger is a 413. Room for the longest post body
    /// (1,000,000 characters) even in scripts that take three or four bytes a character in UTF-8.
    /// </summary>
    public long MaxJsonBodyBytes { get; set; } = 5 * 1_048_576;
}
