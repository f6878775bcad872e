using System.Diagnostics;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cms.IntegrationTests.Operations;

public sealed class MigrationTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        var pending = await api.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "The EF model changed without a migration: dotnet ef migrations add <Name> --project src/Cms.Infrastructure --startup-project src/Cms.Api --output-dir Data/Migrations");
    }

    [Fact]
    public async Task The_migrate_command_brings_an_empty_database_up_to_date_and_exits()
    {
        var name = TestDatabase.NewName();
        await using (var server = new NpgsqlConnection(TestDatabase.ServerConnectionString))
        {
            await server.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", server).ExecuteNonQueryAsync();
        }
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cms.Api.dll"));
            start.ArgumentList.Add("migrate");
            start.Environment["ConnectionStrings__Cms"] = TestDatabase.ConnectionStringFor(name);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, output + error);
            Assert.Contains("up to date", output);

            await using var db = TestDatabase.Open(name);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }
}
