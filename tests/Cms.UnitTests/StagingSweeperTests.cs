using Cms.Application.Images;
using Cms.Infrastructure.Images;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cms.UnitTests;

public sealed class StagingSweeperTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cms-sweep-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Staged_uploads_older_than_an_hour_are_removed_and_younger_ones_and_images_are_kept()
    {
        var tmp = Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName;
        var old = Path.Combine(tmp, "old.upload");
        var fresh = Path.Combine(tmp, "fresh.upload");
        var image = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "ab")).FullName, "ab" + new string('0', 62) + ".png");
        foreach (var file in new[] { old, fresh, image }) File.WriteAllText(file, "x");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(image, DateTime.UtcNow.AddHours(-2));

        var sweeper = new StagingSweeper(Options.Create(new ImageOptions { Root = _root }), TimeProvider.System, NullLogger<StagingSweeper>.Instance);

        Assert.Equal(1, sweeper.SweepOnce());
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(image));
    }

    [Fact]
    public void A_store_without_a_staging_area_yet_is_fine() =>
        Assert.Equal(0, new StagingSweeper(Options.Create(new ImageOptions { Root = _root }), TimeProvider.System, NullLogger<StagingSweeper>.Instance).SweepOnce());

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
