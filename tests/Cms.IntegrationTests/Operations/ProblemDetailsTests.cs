using System.Net;
using System.Text;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Operations;

public sealed class ProblemDetailsTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Theory]
    [InlineData("GET", "/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/categories", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/v1/posts/slug/missing", HttpStatusCode.NotFound)]
    public async Task Errors_are_problem_details_with_a_trace_id(string method, string url, HttpStatusCode status)
    {
        var response = await api.Admin().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var problem = await Task.FromResult(response).ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        Assert.False(string.IsNullOrEmpty((string?)problem["type"]));
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
    }

    [Fact]
    public async Task An_unknown_field_in_a_body_is_named_in_the_400()
    {
        var response = await api.Admin().PostAsync("/api/v1/posts",
            new StringContent("""{"title":"ok","tittle":"typo"}""", Encoding.UTF8, "application/json"));
        var problem = await Task.FromResult(response).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("tittle", (string)problem["errors"]!["tittle"]![0]!);
        Assert.DoesNotContain("Cms.", problem.ToJsonString());
    }

    [Fact]
    public async Task A_bad_key_is_401_even_on_a_public_route()
    {
        var problem = await api.WithKey("cms_wrong").GetAsync("/api/v1/posts").ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is not valid.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_names_the_parameter_without_dotnet_types()
    {
        var problem = await api.Anonymous().GetAsync("/api/v1/posts?page=abc").ExpectAsync(HttpStatusCode.BadRequest);
        var message = (string)problem["errors"]!["page"]![0]!;
        Assert.Contains("whole number", message);
        Assert.DoesNotContain("Nullable", problem.ToJsonString());
    }

    [Fact]
    public async Task A_missing_body_is_a_400_that_says_so()
    {
        var response = await api.Admin().PostAsync("/api/v1/posts", new StringContent("", Encoding.UTF8, "application/json"));
        var problem = await Task.FromResult(response).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The request needs a JSON body.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Framework_answered_errors_carry_a_detail()
    {
        var problem = await api.Admin().DeleteAsync("/api/v1/categories").ExpectAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains("does not accept DELETE", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Patch_accepts_plain_application_json_as_a_merge_patch()
    {
        var post = await api.Admin().CreatePostAsync(new { title = "Plain JSON patch" });
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/posts/{post["id"]}")
        {
            Content = new StringContent("""{"excerpt":"added"}""", Encoding.UTF8, "application/json"),
        };
        var patched = await api.Admin().SendAsync(request).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("added", (string)patched["excerpt"]!);
    }

    [Theory]
    [InlineData("""{"title":"nul \u0000 inside"}""")]
    [InlineData("""{"title":"bell \u0007"}""")]
    [InlineData("""{"title":"half a pair \ud800"}""")]
    [InlineData("""{"title":"ok","tags":["\u0000"]}""")]
    public async Task Strings_postgres_cannot_store_are_400s(string body)
    {
        var response = await api.Admin().PostAsync("/api/v1/posts", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Task.FromResult(response).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]);
    }

    [Theory]
    [InlineData("/api/v1/posts?tag=%00")]
    [InlineData("/api/v1/posts?q=%00")]
    [InlineData("/api/v1/authors?q=%00")]
    public async Task A_nul_in_the_url_is_a_4xx_not_a_500(string url)
    {
        var response = await api.Anonymous().GetAsync(url);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
