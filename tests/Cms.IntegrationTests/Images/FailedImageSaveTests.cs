using System.Net;
using System.Net.Sockets;
using Cms.Domain;
using Cms.Infrastructure.Data;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.IntegrationTests.Images;

/// <summary>A database that loses the connection whenever a new image row is saved, while <see cref="Failing"/> is on.</summary>
public sealed class FailingImageSavesFactory : CmsApiFactory
{
    public bool Failing { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureDbContext<CmsDbContext>(o => o.AddInterceptors(new FailImageInserts(this))));
    }

    private sealed class FailImageInserts(FailingImageSavesFactory factory) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken ct = default)
        {
            if (factory.Failing && eventData.Context!.ChangeTracker.Entries<Image>().Any(e => e.State == EntityState.Added))
                throw new DbUpdateException("simulated", new NpgsqlException("The connection was lost.", new SocketException()));
            return base.SavingChangesAsync(eventData, result, ct);
        }
    }
}

public sealed class FailedImageSaveTests(FailingImageSavesFactory api) : IClassFixture<FailingImageSavesFactory>
{
    [Fact]
    public async Task A_failed_database_write_removes_the_file_it_had_committed()
    {
        var bytes = TestImages.Png(30, 30);
        api.Failing = true;
        try
        {
            await api.Admin().UploadAsync(bytes, "a.png", "image/png").ExpectAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            api.Failing = false;
        }

        Assert.Empty(api.StoredFiles());
        Assert.Equal(0, await api.WithDbAsync(db => db.Images.CountAsync()));

        // The same bytes afterwards are a new image, stored again.
        var image = await api.Admin().UploadImageAsync(bytes);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync((string)image["url"]!)).StatusCode);
    }
}
