using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Application.Keys;

public static class RevokeKey
{
    /// <summary>Revokes a key at once: the row stays (revoked_at) for the record, the key stops working.</summary>
    public sealed record Command(Guid Id) : ICommand, IChangesNoContent;

    public sealed class Handler(ICmsDb db, TimeProvider clock, IKeyRevocations revocations) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id && k.RevokedAt == null, ct)
                ?? throw new NotFoundException("Key", command.Id.ToString());
            key.Revoke(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            revocations.Revoked(key.Hash);
            return Unit.Value;
        }
    }
}
