using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cms.Client;

/// <summary>
/// A typed client for the Cms API. Give it an HttpClient whose BaseAddress is the Cms server (and,
/// for writes, an API key: <see cref="WithApiKey"/>); it is safe to share, like the HttpClient.
/// Errors throw <see cref="CmsApiException"/> with the problem details.
/// </summary>
public sealed class CmsClient(HttpClient http)
{
    public const string MergePatchContentType = "application/merge-patch+json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Sends the key as "Authorization: Bearer &lt;key&gt;" on every request of this HttpClient.</summary>
    public static HttpClient WithApiKey(HttpClient http, string apiKey)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return http;
    }

    /// <summary>The If-Match value of a resource read earlier: its version, quoted as the ETag is.</summary>
    public static string IfMatch(string version) => $"\"{version}\"";

    // Posts
    public Task<Page<Post>> ListPostsAsync(PostQuery? query = null, CancellationToken ct = default) =>
        SendAsync<Page<Post>>(HttpMethod.Get, "api/v1/posts" + QueryString(query ?? new PostQuery()), null, null, ct);

    public Task<Post> GetPostAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<Post>(HttpMethod.Get, $"api/v1/posts/{id}", null, null, ct);

    public Task<Post> GetPostBySlugAsync(string slug, CancellationToken ct = default) =>
        SendAsync<Post>(HttpMethod.Get, $"api/v1/posts/slug/{Uri.EscapeDataString(slug)}", null, null, ct);

    public Task<Post> CreatePostAsync(PostInput input, CancellationToken ct = default) =>
        SendAsync<Post>(HttpMethod.Post, "api/v1/posts", JsonContent.Create(input, options: Json), null, ct);

    /// <summary>Replaces a post. With <paramref name="ifMatch"/> (<see cref="IfMatch"/>), a stale version is a 412.</summary>
    public Task<Post> UpdatePostAsync(Guid id, PostInput input, string? ifMatch, CancellationToken ct = default) =>
        SendAsync<Post>(HttpMethod.Put, $"api/v1/posts/{id}", JsonContent.Create(input, options: Json), ifMatch, ct);

    /// <summary>A JSON merge patch: only the members of <paramref name="patch"/> change; a null member clears a field.</summary>
    public Task<Post> PatchPostAsync(Guid id, object patch, string? ifMatch, CancellationToken ct = default) =>
        SendAsync<Post>(HttpMethod.Patch, $"api/v1/posts/{id}", MergePatch(patch), ifMatch, ct);

    public Task DeletePostAsync(Guid id, string? ifMatch, CancellationToken ct = default) =>
        SendAsync<object>(HttpMethod.Delete, $"api/v1/posts/{id}", null, ifMatch, ct);

    // Authors
    public Task<Author> CreateAuthorAsync(AuthorInput input, CancellationToken ct = default) =>
        SendAsync<Author>(HttpMethod.Post, "api/v1/authors", JsonContent.Create(input, options: Json), null, ct);

    public Task<Author> GetAuthorBySlugAsync(string slug, CancellationToken ct = default) =>
        SendAsync<Author>(HttpMethod.Get, $"api/v1/authors/slug/{Uri.EscapeDataString(slug)}", null, null, ct);

    // Tags
    public Task<Tag> CreateTagAsync(TagInput input, CancellationToken ct = default) =>
        SendAsync<Tag>(HttpMethod.Post, "api/v1/tags", JsonContent.Create(input, options: Json), null, ct);

    public Task<Tag> GetTagBySlugAsync(string slug, CancellationToken ct = default) =>
        SendAsync<Tag>(HttpMethod.Get, $"api/v1/tags/slug/{Uri.EscapeDataString(slug)}", null, null, ct);

    // Images
    /// <summary>Uploads an image (JPEG, PNG, GIF or WebP, recognised from the bytes) to the media library.</summary>
    public Task<Image> UploadImageAsync(Stream file, string fileName, string? alt = null, string? caption = null, CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", fileName);
        if (alt is not null) form.Add(new StringContent(alt, Encoding.UTF8), "alt");
        if (caption is not null) form.Add(new StringContent(caption, Encoding.UTF8), "caption");
        return SendAsync<Image>(HttpMethod.Post, "api/v1/images", form, null, ct);
    }

    private static StringContent MergePatch(object patch)
    {
        // Nulls are kept: in a merge patch, null clears the field.
        var content = new StringContent(JsonSerializer.Serialize(patch, JsonSerializerOptions.Web), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(MergePatchContentType) { CharSet = "utf-8" };
        return content;
    }

    private static string QueryString(PostQuery q)
    {
        var pairs = new List<string>();
        void Add(string name, object? value)
        {
            if (value is null) return;
            var text = value is DateTimeOffset d ? d.UtcDateTime.ToString("O") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            pairs.Add($"{name}={Uri.EscapeDataString(text)}");
        }
        Add("status", q.Status); Add("tag", q.Tag); Add("author", q.Author); Add("category", q.Category);
        Add("publishedAfter", q.PublishedAfter); Add("publishedBefore", q.PublishedBefore); Add("q", q.Q); Add("sort", q.Sort);
        Add("page", q.Page); Add("pageSize", q.PageSize); Add("cursor", q.Cursor); Add("fields", q.Fields);
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, string? ifMatch, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            Problem? problem = null;
            try { problem = await response.Content.ReadFromJsonAsync<Problem>(Json, ct).ConfigureAwait(false); }
            catch (JsonException) { }
            catch (NotSupportedException) { }
            throw new CmsApiException(response.StatusCode, problem);
        }
        if (response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(object)) return default!;
        return await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false)
            ?? throw new CmsApiException(response.StatusCode, null);
    }
}
