using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Keys;

public static class GetKey
{
    public sealed record Query(Guid Id) : IQuery<KeyResponse>;

    public sealed class Handler(ICmsDb db) : IQueryHandler<Query, KeyResponse>
    {
        public async ValueTask<KeyResponse> Handle(Query query, CancellationToken ct) =>
            await db.ApiKeys.AsNoTracking()
                .Where(k => k.Id == query.Id && k.RevokedAt == null)
                .Select(k => new KeyResponse(k.Id, k.Name, k.Scope, k.Prefix, k.CreatedAt, k.LastUsedAt))
                .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Key", query.Id.ToString());
    }
}
