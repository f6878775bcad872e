using Cms.Api.Database;
using Cms.Application.Categories;
using Cms.Application.Import;
using Cms.Application.Posts;
using Mediator;
using Microsoft.Extensions.Options;

namespace Cms.IntegrationTests.Operations;

public sealed class BoundWritesTests
{
    private static WriteConcurrency Slots(int max) => new(Options.Create(new DatabaseOptions { MaxConcurrentWrites = max }));

    private static DeletePost.Command Delete() => new(Guid.CreateVersion7(), null);

    [Fact]
    public async Task A_command_waits_while_every_slot_is_taken_and_runs_when_one_frees()
    {
        var bound = new BoundWrites<DeletePost.Command, Unit>(Slots(1));
        var release = new TaskCompletionSource();
        var first = bound.Handle(Delete(), async (_, _) => { await release.Task; return Unit.Value; }, default).AsTask();
        var secondRan = false;
        var second = bound.Handle(Delete(), (_, _) => { secondRan = true; return new ValueTask<Unit>(Unit.Value); }, default).AsTask();

        await Task.Delay(100);
        Assert.False(second.IsCompleted);
        Assert.False(secondRan);

        release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(secondRan);
    }

    [Fact]
    public async Task A_failed_command_frees_its_slot()
    {
        var bound = new BoundWrites<DeletePost.Command, Unit>(Slots(1));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await bound.Handle(Delete(), (_, _) => throw new InvalidOperationException("failed"), default));
        var ran = await bound.Handle(Delete(), (_, _) => new ValueTask<Unit>(Unit.Value), default).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Unit.Value, ran);
    }

    [Fact]
    public async Task A_waiting_command_can_be_cancelled_without_taking_a_slot()
    {
        var slots = Slots(1);
        var bound = new BoundWrites<DeletePost.Command, Unit>(slots);
        var release = new TaskCompletionSource();
        var first = bound.Handle(Delete(), async (_, _) => { await release.Task; return Unit.Value; }, default).AsTask();
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var waiting = bound.Handle(Delete(), (_, _) => { ran = true; return new ValueTask<Unit>(Unit.Value); }, cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(ran);

        release.SetResult();
        await first;
        // The slot the first command held is free again, and the cancelled one took none.
        await bound.Handle(Delete(), (_, _) => new ValueTask<Unit>(Unit.Value), default).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Queries_and_imports_are_not_bounded_and_zero_means_no_bound()
    {
        var slots = Slots(1);
        var release = new TaskCompletionSource();
        var held = new BoundWrites<DeletePost.Command, Unit>(slots).Handle(Delete(), async (_, _) => { await release.Task; return Unit.Value; }, default).AsTask();

        var query = await new BoundWrites<ListCategories.Query, IReadOnlyList<CategoryResponse>>(slots)
            .Handle(new ListCategories.Query(), (_, _) => new ValueTask<IReadOnlyList<CategoryResponse>>([]), default).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(query);
        using var package = ImportPackage.FromFolder(Directory.CreateTempSubdirectory().FullName);
        var import = new BoundWrites<ImportJekyll.Command, ImportReport>(slots);
        var imported = false;
        await import.Handle(new ImportJekyll.Command(package), (_, _) => { imported = true; return new ValueTask<ImportReport>((ImportReport)null!); }, default)
            .AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(imported);

        var unbounded = new BoundWrites<DeletePost.Command, Unit>(Slots(0));
        var inner = new TaskCompletionSource();
        var a = unbounded.Handle(Delete(), async (_, _) => { await inner.Task; return Unit.Value; }, default).AsTask();
        await unbounded.Handle(Delete(), (_, _) => new ValueTask<Unit>(Unit.Value), default).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        inner.SetResult();
        await a;

        release.SetResult();
        await held;
    }
}
