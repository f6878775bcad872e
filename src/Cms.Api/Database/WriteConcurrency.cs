using Cms.Application.Import;
using Mediator;
using Microsoft.Extensions.Options;

namespace Cms.Api.Database;

/// <summary>
/// How many commands run their handlers at once (<c>Cms:Database:MaxConcurrentWrites</c>, default 8); the others
/// wait their turn here, holding only their parsed request. On 2 cores with 16 database connections, 64 clients
/// creating posts at once all rendered, sanitized and saved side by side and got in each other's way: with the
/// bound of 8, creates at 64 connections went from 288-295 to 407-429 a second (16 connections: the same), peak memory
/// unchanged (docs/performance.md, "Writes in flight"). An import is not counted: it runs for minutes and bounds its
/// own work.
/// </summary>
public sealed class WriteConcurrency
{
    private readonly SemaphoreSlim? _slots;

    public WriteConcurrency(IOptions<DatabaseOptions> options)
    {
        var max = options.Value.MaxConcurrentWrites;
        _slots = max > 0 ? new SemaphoreSlim(max, max) : null;
    }

    public async ValueTask<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (_slots is null) return null;
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}

/// <summary>Runs every command but an import inside one of <see cref="WriteConcurrency"/>'s slots.</summary>
public sealed class BoundWrites<TMessage, TResponse>(WriteConcurrency slots) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is not IBaseCommand || message is ImportJekyll.Command) return await next(message, ct);
        using var slot = await slots.EnterAsync(ct);
        return await next(message, ct);
    }
}
