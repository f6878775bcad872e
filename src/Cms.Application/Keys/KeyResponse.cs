using Cms.Domain;

namespace Cms.Application.Keys;

/// <summary>An API key as listed: never its secret.</summary>
/// <param name="Prefix">The first characters of the secret, to tell keys apart.</param>
/// <param name="LastUsedAt">When the key last authenticated a request (to within a minute).</param>
public sealed record KeyResponse(Guid Id, string Name, ApiKeyScope Scope, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

/// <summary>A new key, with its secret: shown this once, stored only as a hash.</summary>
/// <param name="Secret">Send it as 'Authorization: Bearer &lt;secret&gt;' or 'X-Api-Key: &lt;secret&gt;'. It cannot be shown again.</param>
public sealed record CreatedKeyResponse(Guid Id, string Name, ApiKeyScope Scope, string Prefix, DateTimeOffset CreatedAt, string Secret);
