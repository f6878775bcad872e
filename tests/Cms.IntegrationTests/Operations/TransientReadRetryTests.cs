using System.Net.Sockets;
using Cms.Api.Database;
using Cms.Application.Categories;
using Cms.Application.Posts;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cms.IntegrationTests.Operations;

public sealed class TransientReadRetryTests
{
    private static NpgsqlException Dropped() => new("The connection was dropped.", new SocketException((int)SocketError.ConnectionReset));

    [Fact]
    public async Task A_query_is_read_again_after_a_dropped_connection()
    {
        var retry = new TransientReadRetry<ListCategories.Query, IReadOnlyList<CategoryResponse>>(NullLogger<TransientReadRetry<ListCategories.Query, IReadOnlyList<CategoryResponse>>>.Instance);
        var calls = 0;
        var result = await retry.Handle(new ListCategories.Query(), (_, _) =>
        {
            if (++calls == 1) throw Dropped();
            return new ValueTask<IReadOnlyList<CategoryResponse>>([new CategoryResponse("News", 1)]);
        }, default);
        Assert.Equal(2, calls);
        Assert.Single(result);
    }

    [Fact]
    public async Task A_command_is_never_sent_twice()
    {
        var retry = new TransientReadRetry<DeletePost.Command, Unit>(NullLogger<TransientReadRetry<DeletePost.Command, Unit>>.Instance);
        var calls = 0;
        await Assert.ThrowsAsync<NpgsqlException>(async () => await retry.Handle(new DeletePost.Command(Guid.CreateVersion7(), null), (_, _) =>
        {
            calls++;
            throw Dropped();
        }, default));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_query_gives_up_after_its_retries()
    {
        var retry = new TransientReadRetry<ListCategories.Query, IReadOnlyList<CategoryResponse>>(NullLogger<TransientReadRetry<ListCategories.Query, IReadOnlyList<CategoryResponse>>>.Instance);
        var calls = 0;
        await Assert.ThrowsAsync<NpgsqlException>(async () => await retry.Handle(new ListCategories.Query(), (_, _) =>
        {
            calls++;
            throw Dropped();
        }, default));
        Assert.Equal(3, calls);
    }
}
