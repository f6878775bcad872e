using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Operations;

public sealed class StartedSaveTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task A_save_runs_to_its_commit_when_its_request_is_aborted()
    {
        var slug = TestApi.Unique("aborted");
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        var saved = await api.WithDbAsync(async db =>
        {
            db.Authors.Add(new Author(slug, "Aborted mid-write", api.Clock.GetUtcNow()));
            return await db.SaveChangesAsync(aborted.Token);
        });

        Assert.Equal(1, saved);
        Assert.Equal("Aborted mid-write", await api.WithDbAsync(db => db.Authors.Where(a => a.Slug == slug).Select(a => a.Name).SingleAsync()));
    }
}
