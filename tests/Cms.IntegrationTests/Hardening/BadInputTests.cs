using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cms.IntegrationTests.Hardening;

/// <summary>
/// Walks every operation of the generated OpenAPI document and throws hostile values at each path and
/// query parameter and each body field: no answer may be a 5xx, every error is a problem document, and a
/// rejected write changes nothing in the database.
/// </summary>
public sealed class BadInputTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private static readonly string[] HostileText =
    [
        "", " ", new string('x', 5000), "%00", "a%00b", "' OR 1=1 --", "\"; DROP TABLE posts; --", "%F0%9F%92%A9", "%ED%A0%80",
        "..%2F..%2Fetc%2Fpasswd", "-1", "0", "99999999999999999999", "1e309", "NaN", "null", "2026-13-45T99:99:99Z", "%25", "%2C%2C%2C",
        "00000000-0000-0000-0000-000000000000", "not-a-uuid", "<script>alert(1)</script>", "%5B%5D", "%7B%7D",
    ];

    private static readonly JsonNode?[] HostileJson =
    [
        null, 0, -1, 1e308, true, "", new string('y', 200_000), "\u0000", "\ud800", "' OR 1=1 --", new JsonArray(), new JsonObject(),
        new JsonArray(new JsonArray(new JsonArray())), "2026-13-45", "not-a-uuid", "<img src=x onerror=alert(1)>",
    ];

    private static readonly string[] HostileBodies =
    [
        "", "{", "[]", "null", "42", "\"text\"", "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}",
        new string('{', 3000) + new string('}', 3000), "{\"title\":\"x\",\"title\":\"y\"}", "\uFEFF{}", "{\"title\":\"\\uD800\"}",
    ];

    [Fact]
    public async Task Every_operation_survives_hostile_parameters_and_bodies()
    {
        var admin = api.Admin();
        var author = await admin.CreateAuthorAsync();
        var post = await admin.CreatePostAsync(new { title = "Fuzz target", status = "published", authors = new[] { (string)author["slug"]! }, tags = new[] { "fuzz" } });
        var tag = (await admin.GetAsync("/api/v1/tags/slug/fuzz").ExpectAsync(HttpStatusCode.OK));
        var file = new ByteArrayContent(TestImages.Png());
        file.Headers.ContentType = new("image/png");
        var image = await admin.PostAsync("/api/v1/images", new MultipartFormDataContent { { file, "file", "fuzz.png" } }).ExpectAsync(HttpStatusCode.Created);
        var webhook = await admin.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/fuzz", events = new[] { "*" } })
            .ExpectAsync(HttpStatusCode.Created);
        var ids = new Dictionary<string, string>
        {
            ["posts"] = (string)post["id"]!, ["authors"] = (string)author["id"]!, ["tags"] = (string)tag["id"]!, ["keys"] = Guid.CreateVersion7().ToString(),
            ["images"] = (string)image["id"]!, ["webhooks"] = (string)webhook["id"]!,
        };
        var document = JsonNode.Parse(await admin.GetStringAsync("/swagger/v1/swagger.json"))!;
        var failures = new List<string>();
        var sent = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray().Select(p => p!).Where(p => (string)p["in"]! is "path" or "query").ToList() ?? [];
                string Url(string? name, string? value)
                {
                    var url = path;
                    foreach (var p in parameters.Where(p => (string)p["in"]! == "path"))
                    {
                        var pname = (string)p["name"]!;
                        var actual = pname == name ? value! : pname == "id" ? ids[path.Split('/')[3]] : "fuzz";
                        url = url.Replace("{" + pname + "}", actual);
                    }
                    if (name is not null && parameters.Any(p => (string)p["name"]! == name && (string)p["in"]! == "query")) url += $"?{name}={value}";
                    return url;
                }

                foreach (var parameter in parameters)
                {
                    foreach (var value in HostileText)
                    {
                        if ((string)parameter["in"]! == "path" && value.Length == 0) continue;
                        await SendAsync(method, Url((string)parameter["name"]!, value), null, null);
                    }
                }

                var schemaRef = (string?)operation["requestBody"]?["content"]?.AsObject().First().Value!["schema"]?["$ref"];
                if (schemaRef is null) continue;
                var contentType = operation["requestBody"]!["content"]!.AsObject().First().Key;
                var schema = document["components"]!["schemas"]![schemaRef.Split('/')[^1]]!;
                var valid = ValidBody(schema);
                foreach (var body in HostileBodies) await SendAsync(method, Url(null, null), body, contentType);
                foreach (var field in schema["properties"]!.AsObject().Select(p => p.Key))
                {
                    foreach (var value in HostileJson)
                    {
                        var body = valid.DeepClone().AsObject();
                        body[field] = value?.DeepClone();
                        await SendAsync(method, Url(null, null), body.ToJsonString(), contentType);
                    }
                }
            }
        }

        Assert.True(sent > 1000, $"only {sent} requests were sent");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));

        async Task SendAsync(string method, string url, string? body, string? contentType)
        {
            sent++;
            var before = await StateAsync();
            var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType!);
            HttpResponseMessage response;
            try
            {
                response = await admin.SendAsync(request);
            }
            catch (InvalidOperationException)
            {
                return; // the test client itself refuses some URLs (a NUL in the path); a real server answers 400
            }
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500) failures.Add($"{method.ToUpperInvariant()} {url} {Shorten(body)} → {status} {Shorten(text)}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{method.ToUpperInvariant()} {url} → {status} without problem+json");
            if (status >= 400 && await StateAsync() != before)
                failures.Add($"{method.ToUpperInvariant()} {url} {Shorten(body)} → {status} but the database changed");
        }
    }

    private static JsonObject ValidBody(JsonNode schema)
    {
        var body = new JsonObject();
        foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
            body[required] = required == "scope" ? "content" : "fuzz " + Guid.NewGuid().ToString("N")[..6];
        return body;
    }

    private Task<long> StateAsync() => api.WithDbAsync(db =>
        db.Database.SqlQuery<long>($"SELECT value + (SELECT count(*) FROM api_keys) + (SELECT count(*) FROM webhooks) + (SELECT count(*) FROM outbox_events) AS \"Value\" FROM content_version").SingleAsync());

    private static string Shorten(string? text) => text is null ? "" : text.Length > 120 ? text[..120] + "…" : text;
}
