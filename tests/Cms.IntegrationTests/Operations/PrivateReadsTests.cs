using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Operations;

public sealed class PrivateReadsFactory : CmsApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Cms:Auth:PublicReads"] = "false" };
}

public sealed class PrivateReadsTests(PrivateReadsFactory api) : IClassFixture<PrivateReadsFactory>
{
    [Theory]
    [InlineData("/api/v1/posts")]
    [InlineData("/api/v1/authors")]
    [InlineData("/api/v1/tags")]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/images")]
    public async Task With_public_reads_off_every_read_needs_a_key(string url)
    {
        await api.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.Unauthorized);
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);
        await api.WithKey(contentKey).GetAsync(url).ExpectAsync(HttpStatusCode.OK);
        await api.Admin().GetAsync(url).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_public_reads_off_media_needs_a_key_too()
    {
        var image = await api.Admin().UploadImageAsync();
        var url = (string)image["url"]!;
        await api.Anonymous().GetAsync(url).ExpectAsync(HttpStatusCode.Unauthorized);
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);
        Assert.Equal(HttpStatusCode.OK, (await api.WithKey(contentKey).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Health_stays_open()
    {
        await api.Anonymous().GetAsync("/health/live").ExpectAsync(HttpStatusCode.OK);
    }
}
