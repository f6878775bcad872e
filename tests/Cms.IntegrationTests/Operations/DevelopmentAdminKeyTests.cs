using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Operations;

public sealed class DevelopmentAdminKeyTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(_database);

    private WebApplicationFactory<Program> Start() => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Development");
        b.UseSetting("ConnectionStrings:Cms", TestDatabase.ConnectionStringFor(_database));
        b.UseSetting("Cms:Auth:BootstrapAdminKey", "");
    });

    [Fact]
    public async Task In_development_without_a_configured_key_one_admin_key_is_generated_once_and_stored_hashed()
    {
        await using (var first = Start()) first.CreateClient();
        await using (var second = Start()) second.CreateClient();

        await using var db = TestDatabase.Open(_database);
        var keys = await db.ApiKeys.ToListAsync();
        var key = Assert.Single(keys);
        Assert.Equal(ApiKeyScope.Admin, key.Scope);
        Assert.Equal(32, key.Hash.Length);
        Assert.StartsWith("cms_", key.Prefix);
        Assert.True(key.Prefix.Length < 20, "only a short prefix of the secret is stored");
    }
}
