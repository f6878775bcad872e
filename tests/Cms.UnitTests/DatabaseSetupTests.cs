using Cms.Infrastructure;
using Cms.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.UnitTests;

public sealed class DatabaseSetupTests
{
    private static NpgsqlConnectionStringBuilder PoolOf(string connectionString)
    {
        using var services = new ServiceCollection().AddCmsInfrastructure(connectionString).BuildServiceProvider();
        return new NpgsqlConnectionStringBuilder(services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }

    [Fact]
    public void Without_a_pool_size_the_pool_is_small() =>
        Assert.Equal(DependencyInjection.DefaultMaxPoolSize, PoolOf("Host=localhost;Database=cms;Username=cms").MaxPoolSize);

    [Theory]
    [InlineData("Host=localhost;Database=cms;Maximum Pool Size=80")]
    [InlineData("Host=localhost;Database=cms;maxpoolsize=80")]
    public void A_pool_size_in_the_connection_string_wins(string connectionString) =>
        Assert.Equal(80, PoolOf(connectionString).MaxPoolSize);

    [Fact]
    public void Without_a_setting_sessions_run_no_parallel_workers() =>
        Assert.Equal("-c max_parallel_workers_per_gather=0", PoolOf("Host=localhost;Database=cms;Username=cms").Options);

    [Fact]
    public void Other_session_options_are_kept_and_the_setting_is_added() =>
        Assert.Equal("-c log_min_duration_statement=0 -c max_parallel_workers_per_gather=0",
            PoolOf("Host=localhost;Database=cms;Options=-c log_min_duration_statement=0").Options);

    [Fact]
    public void A_parallel_workers_setting_in_the_options_wins() =>
        Assert.Equal("-c max_parallel_workers_per_gather=2", PoolOf("Host=localhost;Database=cms;Options=-c max_parallel_workers_per_gather=2").Options);

    [Fact]
    public void Without_a_setting_connections_are_not_reset_on_their_way_back_to_the_pool() =>
        Assert.True(PoolOf("Host=localhost;Database=cms;Username=cms").NoResetOnClose);

    [Theory]
    [InlineData("Host=localhost;Database=cms;No Reset On Close=false")]
    [InlineData("Host=localhost;Database=cms;noresetonclose=false")]
    public void A_reset_setting_in_the_connection_string_wins(string connectionString) =>
        Assert.False(PoolOf(connectionString).NoResetOnClose);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Marked_statements_are_prepared_unless_turned_off(bool prepare)
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost;Database=cms");
        var options = DependencyInjection.Configure(new DbContextOptionsBuilder<CmsDbContext>(), dataSource, prepare).Options;
        var interceptors = options.FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        Assert.Equal(prepare, interceptors.OfType<PrepareMarkedStatements>().Any());
    }
}
