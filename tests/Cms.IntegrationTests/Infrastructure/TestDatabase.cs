using Cms.Infrastructure;
using Cms.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cms.IntegrationTests.Infrastructure;

/// <summary>
/// One real PostgreSQL server for the run (the one ./test.sh starts), one migrated template
/// database, and a fresh copy of it per test class: isolation without re-running migrations.
/// </summary>
public static class TestDatabase
{
    // Names carry their creation time, so a run can clear what crashed runs left behind without
    // touching the databases of a run that is going on beside it.
    private static readonly string TemplateName = NewName();
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _templateReady;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CMS_TEST_CONNECTION")
        ?? "Host=localhost;Port=55432;Database=postgres;Username=cms;Password=cms";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>A context on a test database, configured as the API configures its own.</summary>
    public static CmsDbContext Open(string database)
    {
        var options = new DbContextOptionsBuilder<CmsDbContext>();
        DependencyInjection.Configure(options, NpgsqlDataSource.Create(ConnectionStringFor(database)));
        return new CmsDbContext(options.Options);
    }

    public static async Task<string> CreateAsync()
    {
        await EnsureTemplateAsync();
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task EnsureTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_templateReady) return;
            await DropLeftoversAsync();
            await ExecuteAsync($"CREATE DATABASE {TemplateName}");
            var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor(TemplateName)) { Pooling = false }.ConnectionString;
            await using (var dataSource = NpgsqlDataSource.Create(connectionString))
            {
                var options = new DbContextOptionsBuilder<CmsDbContext>();
                DependencyInjection.Configure(options, dataSource);
                await using var db = new CmsDbContext(options.Options);
                await db.Database.MigrateAsync();
            }
            _templateReady = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string NewName() => $"cms_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..10]}";

    /// <summary>Databases that runs which crashed over an hour ago left behind.</summary>
    private static async Task DropLeftoversAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'cms\\_test\\_%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var cutoff = DateTime.UtcNow.AddHours(-1).ToString("yyyyMMddHHmmss");
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                var stamp = name.Split('_') is [_, _, var s, _] ? s : "";
                if (stamp.Length == 14 && string.CompareOrdinal(stamp, cutoff) < 0) names.Add(name);
            }
        }
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
