using Cms.Api.Errors;
using Mediator;

namespace Cms.Api.Database;

/// <summary>
/// Retries a query (never a command) when the database dropped the connection under it: reading
/// twice changes nothing. A command is not retried, because one whose commit was acknowledged too
/// late to be seen could be applied twice; it answers 503 and the client decides.
/// </summary>
public sealed class TransientReadRetry<TMessage, TResponse>(ILogger<TransientReadRetry<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250)];

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is not IBaseQuery) return await next(message, ct);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await next(message, ct);
            }
            catch (Exception e) when (attempt < Delays.Length && ProblemDetailsExceptionHandler.IsDatabaseUnavailable(e) && !ct.IsCancellationRequested)
            {
                logger.LogInformation("Retrying {Query} after a transient database failure: {Message}", typeof(TMessage).Name, e.Message);
                await Task.Delay(Delays[attempt], ct);
            }
        }
    }
}
