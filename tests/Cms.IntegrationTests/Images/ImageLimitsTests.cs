using System.Net;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Images;

public sealed class SmallImagesFactory : CmsApiFactory
{
    public const int MaxBytes = 2000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Images:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cms:Images:VariantWidths"] = "16,32",
    };
}

public sealed class ImageLimitsTests(SmallImagesFactory api) : IClassFixture<SmallImagesFactory>
{
    [Fact]
    public async Task An_upload_over_MaxBytes_is_413_and_leaves_no_row_and_no_file()
    {
        var big = TestImages.NoisyPng(100, 100);
        Assert.True(big.Length > SmallImagesFactory.MaxBytes);

        var problem = await api.Admin().UploadAsync(big, "big.png", "image/png").ExpectAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("2000", (string)problem["detail"]!);
        Assert.Equal(0, await api.WithDbAsync(db => db.Images.CountAsync()));
        Assert.Empty(api.StoredFiles());
    }

    [Fact]
    public async Task An_upload_at_the_limit_is_accepted_and_the_variant_widths_come_from_the_settings()
    {
        var small = TestImages.Png(40, 20);
        Assert.True(small.Length <= SmallImagesFactory.MaxBytes);
        var image = await api.Admin().UploadImageAsync(small);

        var variant = await api.Anonymous().GetAsync($"{image["url"]}?w=16");
        Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        Assert.Equal(16, TestImages.Decode(await variant.Content.ReadAsByteArrayAsync()).Width);
        await api.Anonymous().GetAsync($"{image["url"]}?w=640").ExpectAsync(HttpStatusCode.BadRequest);
    }
}
