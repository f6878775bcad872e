using System.Net;
using Cms.Domain;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Posts;

public sealed class PreviewPostTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private readonly HttpClient _admin = api.Admin();
    private readonly HttpClient _reader = api.Anonymous();

    private async Task<(string Id, string Token)> DraftWithPreviewAsync()
    {
        var draft = await _admin.CreatePostAsync(new { title = TestApi.Unique("Embargoed draft"), body = "secret **text**" });
        var preview = await _admin.PostJsonAsync($"/api/v1/posts/{draft["id"]}/preview", new { }).ExpectAsync(HttpStatusCode.OK);
        return ((string)draft["id"]!, (string)preview["token"]!);
    }

    [Fact]
    public async Task A_preview_token_shows_exactly_that_draft_without_a_key_and_is_never_cached()
    {
        var (id, token) = await DraftWithPreviewAsync();
        await _reader.GetAsync($"/api/v1/posts/{id}").ExpectAsync(HttpStatusCode.NotFound);

        var response = await _reader.GetAsync($"/api/v1/posts/{id}?preview={Uri.EscapeDataString(token)}");
        var post = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("draft", (string)post["status"]!);
        Assert.Equal("<p>secret <strong>text</strong></p>\n", (string)post["html"]!);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.True(response.Headers.CacheControl!.Private);
    }

    [Fact]
    public async Task The_preview_response_gives_the_url_and_the_expiry()
    {
        var draft = await _admin.CreatePostAsync(new { title = "Url" });
        var preview = await _admin.PostJsonAsync($"/api/v1/posts/{draft["id"]}/preview", new { }).ExpectAsync(HttpStatusCode.OK);
        var expires = DateTimeOffset.Parse((string)preview["expiresAt"]!);
        Assert.InRange(expires, api.Clock.GetUtcNow().AddMinutes(59), api.Clock.GetUtcNow().AddMinutes(61));
        await _reader.GetAsync((string)preview["url"]!).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_token_is_a_404_like_any_hidden_draft()
    {
        var (id, token) = await DraftWithPreviewAsync();
        api.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await _reader.GetAsync($"/api/v1/posts/{id}?preview={Uri.EscapeDataString(token)}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_altered_or_foreign_token_is_a_404()
    {
        var (id, token) = await DraftWithPreviewAsync();
        var (otherId, _) = await DraftWithPreviewAsync();
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        await _reader.GetAsync($"/api/v1/posts/{id}?preview={Uri.EscapeDataString(altered)}").ExpectAsync(HttpStatusCode.NotFound);
        await _reader.GetAsync($"/api/v1/posts/{otherId}?preview={Uri.EscapeDataString(token)}").ExpectAsync(HttpStatusCode.NotFound);
        await _reader.GetAsync($"/api/v1/posts/{id}?preview=garbage").ExpectAsync(HttpStatusCode.NotFound);
        await _reader.GetAsync($"/api/v1/posts/{id}?preview=" + new string('a', 5000)).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_can_make_preview_links()
    {
        var draft = await _admin.CreatePostAsync(new { title = "Admins only" });
        var contentKey = await api.CreateKeyAsync(ApiKeyScope.Content);
        await _reader.PostJsonAsync($"/api/v1/posts/{draft["id"]}/preview", new { }).ExpectAsync(HttpStatusCode.Unauthorized);
        await api.WithKey(contentKey).PostJsonAsync($"/api/v1/posts/{draft["id"]}/preview", new { }).ExpectAsync(HttpStatusCode.Forbidden);
        await _admin.PostJsonAsync($"/api/v1/posts/{Guid.CreateVersion7()}/preview", new { }).ExpectAsync(HttpStatusCode.NotFound);
    }
}
