using Cms.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cms.Api.Database;

/// <summary>
/// Runs a command once more when its save lost the race to create a tag: two posts written at the same
/// time that name the same new tag both find it missing, both add it, and the second insert breaks the
/// unique slug. Nothing of the failed attempt was committed (one transaction per command), so the command
/// starts over with nothing tracked and now finds the tag the other one created. Without this, the second
/// writer got a 409 for a conflict that was not its own.
/// </summary>
public sealed class RetryTagCreationRace<TMessage, TResponse>(CmsDbContext db, ILogger<RetryTagCreationRace<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public const string TagSlugIndex = "ix_tags_slug";

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is IBaseQuery) return await next(message, ct);
        try
        {
            return await next(message, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: TagSlugIndex }
            && db.Database.CurrentTransaction is null)
        {
            logger.LogInformation("{Command} lost the race to create a tag; running it again", typeof(TMessage).Name);
            db.ChangeTracker.Clear();
            return await next(message, ct);
        }
    }
}
