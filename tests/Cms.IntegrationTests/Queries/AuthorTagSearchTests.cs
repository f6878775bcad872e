using System.Net;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Queries;

public sealed class AuthorTagSearchTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();

    [Theory]
    [InlineData("josé")]
    [InlineData("jose")]
    [InlineData("JOSE")]
    [InlineData("Jos")]
    public async Task Author_q_is_a_case_and_accent_insensitive_prefix(string q)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await _admin.PostJsonAsync("/api/v1/authors", new { name = $"José Saramago {suffix}" }).ExpectAsync(HttpStatusCode.Created);
        await _admin.PostJsonAsync("/api/v1/authors", new { name = $"Maria Josefina {suffix}" }).ExpectAsync(HttpStatusCode.Created);

        var list = await _admin.GetAsync($"/api/v1/authors?q={Uri.EscapeDataString(q)}&pageSize=100").ExpectAsync(HttpStatusCode.OK);

        var names = list["items"]!.AsArray().Select(a => (string)a!["name"]!).ToList();
        Assert.Contains($"José Saramago {suffix}", names);
        Assert.DoesNotContain($"Maria Josefina {suffix}", names);
    }

    [Fact]
    public async Task Tag_q_matches_a_name_or_slug_prefix_and_treats_wildcards_literally()
    {
        await _admin.PostJsonAsync("/api/v1/tags", new { name = "Élection présidentielle" }).ExpectAsync(HttpStatusCode.Created);
        await _admin.PostJsonAsync("/api/v1/tags", new { name = "50% off" }).ExpectAsync(HttpStatusCode.Created);

        var byName = await _admin.GetAsync("/api/v1/tags?q=election").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Élection présidentielle", byName["items"]!.AsArray().Select(t => (string)t!["name"]!));
        var bySlug = await _admin.GetAsync("/api/v1/tags?q=election-pres").ExpectAsync(HttpStatusCode.OK);
        Assert.Single(bySlug["items"]!.AsArray());
        var wildcard = await _admin.GetAsync("/api/v1/tags?q=%25").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(wildcard["items"]!.AsArray());
        var percent = await _admin.GetAsync("/api/v1/tags?q=50%25").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["50% off"], percent["items"]!.AsArray().Select(t => (string)t!["name"]!));
    }
}
