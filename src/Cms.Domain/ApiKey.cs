namespace Cms.Domain;

public enum ApiKeyScope
{
    Content,
    Admin,
}

/// <summary>
/// A key as stored: never the secret itself, only its SHA-256 hash and a short prefix that lets
/// people tell their keys apart.
/// </summary>
public sealed class ApiKey
{
    private ApiKey() { }

    public ApiKey(string name, ApiKeyScope scope, string prefix, byte[] hash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Name = name;
        Scope = scope;
        Prefix = prefix;
        Hash = hash;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public ApiKeyScope Scope { get; private set; }
    public string Prefix { get; private set; } = "";
    public byte[] Hash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
