using Cms.Application.Common;
using Cms.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cms.Api.Database;

/// <summary>
/// A query holds one pooled connection from its first statement to its last. EF Core otherwise opens
/// and closes the connection around every statement: a pool round trip each, and with a connection string
/// that keeps Npgsql's session reset (No Reset On Close=false; the API turns it off by default, see
/// DependencyInjection) a reset before each statement. Runs inside <see cref="TransientReadRetry{TMessage,TResponse}"/>, so a retry
/// starts on a fresh connection. Commands are left alone: their transaction holds the connection.
/// A <see cref="IQueryWithoutDatabase"/> gets neither a connection nor a DbContext (resolved here only when needed).
/// </summary>
public sealed class OneConnectionPerQuery<TMessage, TResponse>(IServiceProvider services) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is not IBaseQuery || message is IQueryWithoutDatabase) return await next(message, ct);
        var db = services.GetRequiredService<CmsDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await next(message, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
