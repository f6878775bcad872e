using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Keys;

public static class ListKeys
{
    /// <summary>The active keys, newest first; revoked keys are gone for good.</summary>
    public sealed record Query : IQuery<IReadOnlyList<KeyResponse>>;

    public sealed class Handler(ICmsDb db) : IQueryHandler<Query, IReadOnlyList<KeyResponse>>
    {
        public async ValueTask<IReadOnlyList<KeyResponse>> Handle(Query query, CancellationToken ct) =>
            await db.ApiKeys.AsNoTracking()
                .Where(k => k.RevokedAt == null)
                .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
                .Select(k => new KeyResponse(k.Id, k.Name, k.Scope, k.Prefix, k.CreatedAt, k.LastUsedAt))
                .ToListAsync(ct);
    }
}
