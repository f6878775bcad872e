using Cms.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Cms.Api.OpenApi;

public static class SwaggerSetup
{
    public const string BearerScheme = "bearer";
    public const string HeaderScheme = "apiKey";

    public static IServiceCollection AddCmsSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Cms API",
                Version = "v1",
                Description = "A headless CMS for posts, authors, tags and images. Published content is public; "
                    + "writes and drafts need an admin key (Authorize above).",
                Contact = new OpenApiContact { Name = "Cms maintainers" },
            });
            // Relative: Swagger UI and generated clients call the server that served the document.
            o.AddServer(new OpenApiServer { Url = "/", Description = "The server that serves this document" });
            o.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key as 'Authorization: Bearer <key>'.",
            });
            o.AddSecurityDefinition(HeaderScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.HeaderName,
                Description = "An API key in the X-Api-Key header.",
            });
            o.OperationFilter<SecurityRequirementFilter>();
            o.OperationFilter<MergePatchRequestFilter>();
            o.OperationFilter<ConditionalRequestFilter>();
            o.OperationFilter<DescriptionFilter>();
            o.SchemaFilter<FormatExampleFilter>();
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "Cms.*.xml"))
                o.IncludeXmlComments(xml);
        });
        return services;
    }

    /// <summary>Ids and instants get an example of their format, so every schema shows a filled-in value.</summary>
    private sealed class FormatExampleFilter : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema concrete || concrete.Properties is null) return;
#pragma warning disable CS0618 // Example is what an OpenAPI 3.0 document writes; Examples is 3.1's
            foreach (var property in concrete.Properties.Values.OfType<OpenApiSchema>())
            {
                if (property.Example is not null) continue;
                property.Example = property.Format switch
                {
                    "uuid" => System.Text.Json.Nodes.JsonValue.Create("0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a"),
                    "date-time" => System.Text.Json.Nodes.JsonValue.Create("2026-01-06T22:30:55Z"),
                    _ => null,
                };
            }
#pragma warning restore CS0618
        }
    }

    /// <summary>
    /// Every operation gets a description (what a client method's doc comment shows): the summary,
    /// who may call it, and how it takes part in caching and optimistic concurrency.
    /// </summary>
    private sealed class DescriptionFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!string.IsNullOrWhiteSpace(operation.Description)) return;
            var policies = context.ApiDescription.ActionDescriptor.EndpointMetadata
                .OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
            var method = context.ApiDescription.HttpMethod;
            var path = context.ApiDescription.RelativePath ?? "";
            var isItem = path.Contains('{');
            var parts = new List<string> { (operation.Summary ?? "").TrimEnd('.') + "." };
            parts.Add(policies.Contains(AuthPolicies.Admin)
                ? "Needs an admin key (Authorization: Bearer <key> or X-Api-Key)."
                : policies.Count > 0
                    ? "Public for published content (unless Cms:Auth:PublicReads is off); an admin key also sees unpublished content."
                    : "Public: no key needed.");
            if (method == "GET" && !isItem && !path.StartsWith("media/", StringComparison.Ordinal) && path != "api/v1/categories")
                parts.Add("Answers one page in the list envelope; pass pagination.nextCursor back as cursor for the next page.");
            if (method == "GET")
                parts.Add("Send the ETag of an earlier answer as If-None-Match to get a 304 when nothing changed.");
            if (method is "PUT" or "PATCH" or "DELETE")
                parts.Add("Send the ETag last read as If-Match: a stale one is a 412 and changes nothing.");
            if (method == "POST" && !path.EndsWith("/preview", StringComparison.Ordinal))
                parts.Add("Answers 201 with the new resource, its Location and its ETag.");
            operation.Description = string.Join(" ", parts);
        }
    }

    /// <summary>Admin routes require a key; public reads accept one (a key unlocks drafts).</summary>
    private sealed class SecurityRequirementFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var policies = context.ApiDescription.ActionDescriptor.EndpointMetadata
                .OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (policies.Count == 0) return;
            operation.Security ??= [];
            if (!policies.Contains(AuthPolicies.Admin)) operation.Security.Add(new OpenApiSecurityRequirement());
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] });
        }
    }

    /// <summary>
    /// A PATCH binds the raw JSON (a merge patch can say "null" to clear a field), so the schema
    /// comes from its <c>Accepts&lt;TInput&gt;</c>: the same fields, all optional.
    /// </summary>
    private sealed class MergePatchRequestFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var accepts = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
                .FirstOrDefault(a => a.RequestType is not null && a.ContentTypes.Contains(Endpoints.PostEndpoints.MergePatchContentType));
            if (accepts is null || operation.RequestBody?.Content is not { } content) return;
            content.Clear();
            var schema = context.SchemaGenerator.GenerateSchema(accepts.RequestType!, context.SchemaRepository);
            // The input type requires some fields (a title); a patch requires none: {Input}Patch is
            // the same schema with nothing required, so clients may send one field.
            if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id
                && context.SchemaRepository.Schemas.TryGetValue(id, out var input) && input is OpenApiSchema { Required.Count: > 0 } full)
            {
                var patchId = id.EndsWith("Input", StringComparison.Ordinal) ? id[..^"Input".Length] + "Patch" : id + "Patch";
                if (!context.SchemaRepository.Schemas.ContainsKey(patchId))
                {
                    var patch = (OpenApiSchema)full.CreateShallowCopy();
                    patch.Required = new HashSet<string>();
                    patch.Description = "A JSON merge patch of " + id + ": every field optional; an absent field stays, null clears it.";
                    context.SchemaRepository.AddDefinition(patchId, patch);
                }
                schema = new OpenApiSchemaReference(patchId, context.Document);
            }
            foreach (var contentType in accepts.ContentTypes) content[contentType] = new OpenApiMediaType { Schema = schema };
            operation.RequestBody.Description = "A JSON merge patch (RFC 7396): only the fields to change; null clears a field. "
                + "application/json is accepted as a synonym.";
        }
    }

    /// <summary>Documents the headers of optimistic concurrency and caching: If-Match, If-None-Match, ETag, Location, Link.</summary>
    private sealed class ConditionalRequestFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var method = context.ApiDescription.HttpMethod;
            var isItem = context.ApiDescription.RelativePath?.Contains('{') == true;
            if (method is "PUT" or "PATCH" or "DELETE")
                AddHeaderParameter(operation, "If-Match",
                    "The ETag last read. A stale one is a 412 and changes nothing; without it the write is unconditional.");
            if (method == "GET")
                AddHeaderParameter(operation, "If-None-Match", "An ETag from an earlier read: 304 when nothing changed.");
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is not OpenApiResponse concrete) continue;
                if (status == "200" && context.ApiDescription.RelativePath?.StartsWith("media/", StringComparison.Ordinal) == true)
                    AddHeader(concrete, "ETag", "The SHA-256 of the bytes (with -w{width} for a variant): strong, and never reused for other bytes.");
                else if (status is "200" or "201" && method != "DELETE")
                    AddHeader(concrete, "ETag", isItem || method == "POST"
                        ? "The version of the resource (the same value as its version field), for If-Match and If-None-Match."
                        : "A weak validator of this page, for If-None-Match.");
                if (status == "201") AddHeader(concrete, "Location", "The URL of the new resource.");
                if (status == "200" && method == "GET" && !isItem && context.ApiDescription.RelativePath != "api/v1/categories")
                    AddHeader(concrete, "Link", "RFC 8288 links to the next and previous pages (rel=\"next\", rel=\"prev\").");
            }
        }

        private static void AddHeaderParameter(OpenApiOperation operation, string name, string description)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Header, Required = false, Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        private static void AddHeader(OpenApiResponse response, string name, string description)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }
}
