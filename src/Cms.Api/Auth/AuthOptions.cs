namespace Cms.Api.Auth;

/// <summary><c>Cms:Auth</c> settings.</summary>
public sealed class AuthOptions
{
    public const string Section = "Cms:Auth";

    /// <summary>An admin key accepted from the first start on (never stored; compared by hash).</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Published content is readable without a key.</summary>
    public bool PublicReads { get; set; } = true;

    /// <summary>How long a verified (or rejected) key is remembered before the database is asked again.</summary>
    public int KeyCacheSeconds { get; set; } = 30;
}
