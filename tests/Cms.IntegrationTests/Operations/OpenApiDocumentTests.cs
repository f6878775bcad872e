using System.Net;
using System.Text.Json.Nodes;
using Cms.IntegrationTests.Infrastructure;

namespace Cms.IntegrationTests.Operations;

public sealed class OpenApiDocumentTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    private const string Regenerate = "CMS_UPDATE_OPENAPI=1 ./test.sh --filter FullyQualifiedName~OpenApiDocumentTests";

    [Fact]
    public async Task The_committed_openapi_yaml_is_the_document_the_code_generates()
    {
        var generated = (await api.Anonymous().GetStringAsync("/swagger/v1/swagger.yaml")).ReplaceLineEndings("\n");
        var path = Path.Combine(RepositoryRoot.Path, "openapi.yaml");
        if (Environment.GetEnvironmentVariable("CMS_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, generated);
            return;
        }
        Assert.True(File.Exists(path), $"openapi.yaml is missing. Generate it with: {Regenerate}");
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        if (committed == generated) return;

        var left = committed.Split('\n');
        var right = generated.Split('\n');
        var line = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i], Math.Min(left.Length, right.Length));
        string Around(string[] lines) => string.Join("\n", lines.Skip(Math.Max(0, line - 3)).Take(7));
        Assert.Fail($"""
            openapi.yaml differs from the document the code generates, from line {line + 1}.
            --- committed openapi.yaml
            {Around(left)}
            +++ generated /swagger/v1/swagger.yaml
            {Around(right)}
            Regenerate it with: {Regenerate}
            """);
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_tag_a_success_a_problem_response_and_security()
    {
        var document = JsonNode.Parse(await api.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        Assert.StartsWith("3.0", (string)document["openapi"]!);
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();
        Assert.NotEmpty(operations);
        var ids = new HashSet<string>();
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.True(ids.Add((string?)operation["operationId"] ?? ""), $"{name}: missing or duplicate operationId");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{name}: no summary");
            Assert.NotEmpty(operation["tags"]!.AsArray());
            var responses = operation["responses"]!.AsObject();
            Assert.Contains(responses, r => r.Key.StartsWith('2'));
            Assert.Contains(responses, r => r.Value!["content"]?["application/problem+json"] is not null);
            Assert.NotEmpty(operation["security"]?.AsArray() ?? []);
        }
        Assert.Contains("createPost", ids);
        Assert.Contains("getPostBySlug", ids);
        Assert.NotNull(document["components"]!["securitySchemes"]!["bearer"]);
    }

    [Fact]
    public async Task Every_path_and_query_parameter_has_a_description_and_an_example()
    {
        var document = JsonNode.Parse(await api.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var parameters = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key.ToUpperInvariant()} {p.Key}", Operation: o.Value!)))
            .SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Select(parameter => (o.Name, Parameter: parameter!)))
            .Where(p => (string)p.Parameter["in"]! is "query" or "path")
            .ToList();
        Assert.NotEmpty(parameters);
        foreach (var (operation, parameter) in parameters)
        {
            var name = $"{operation} {parameter["name"]}";
            Assert.False(string.IsNullOrWhiteSpace((string?)parameter["description"]), $"{name}: no description");
            Assert.True(parameter["example"] is not null, $"{name}: no example");
        }
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var response = await api.Anonymous().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }
}
