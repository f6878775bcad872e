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
            o.SchemaFilter<PropertyDocumentationFilter>();
            // A property that refers to another schema and is nullable (featureImage, avatarImage)
            // is written as allOf + nullable, the only way OpenAPI 3.0 can say "this object or null".
            o.UseAllOfToExtendReferenceSchemas();
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "Cms.*.xml"))
                o.IncludeXmlComments(xml);
        });
        return services;
    }

    /// <summary>
    /// The properties that the C# types do not document (ids, slugs, times, sizes, the problem
    /// details of the framework) get a description, an example and their exact format, by name, so
    /// that every schema reads well in Swagger UI and in generated clients.
    /// </summary>
#pragma warning disable CS0618 // Example is what an OpenAPI 3.0 document writes; Examples is 3.1's
    private sealed class PropertyDocumentationFilter : ISchemaFilter
    {
        private static readonly Dictionary<string, (string Description, object? Example)> Common = new()
        {
            ["id"] = ("The id, a UUID v7.", null),
            ["slug"] = ("The URL name: lowercase ASCII letters and digits in hyphen-separated runs; unique.", "uk-and-france-to-send-troops-to-ukraine"),
            ["title"] = ("The title, plain text.", "Breaking: UK and France to send troops to Ukraine if peace deal agreed"),
            ["bio"] = ("A short biography, plain text.", "Covers European politics from Paris."),
            ["website"] = ("An absolute http(s) URL.", "https://example.com/badely"),
            ["email"] = ("Contact address; shown to the admin scope only.", "badely@example.com"),
            ["excerpt"] = ("Short summary shown in lists.", "The announcement was made by UK PM Sir Keir Starmer after a meeting of Ukraine's allies in Paris."),
            ["body"] = ("Markdown source.", "Experts revealed that **the UK and France** have signed a declaration of intent."),
            ["html"] = ("The body rendered to sanitized HTML.", "<p>Experts revealed that <strong>the UK and France</strong> have signed a declaration of intent.</p>"),
            ["createdAt"] = ("When it was created (UTC).", null),
            ["updatedAt"] = ("When it last changed (UTC).", null),
            ["publishedAt"] = ("When the post is, was or will be published (UTC); null for a draft that never was.", null),
            ["expiresAt"] = ("When the token stops working (UTC).", null),
            ["lastUsedAt"] = ("When the key last authenticated a request (to within a minute).", null),
            ["version"] = ("The row version, the same value as the ETag header (without the quotes).", "731"),
            ["width"] = ("Width in pixels, as displayed.", 1280),
            ["height"] = ("Height in pixels, as displayed.", 720),
            ["byteSize"] = ("Size of the original in bytes.", 183204),
            ["contentType"] = ("image/jpeg, image/png, image/gif or image/webp, from the bytes.", "image/jpeg"),
            ["sha256"] = ("Lowercase hex SHA-256 of the bytes.", "5131f2c8423467ca0485590d6236d76e5131f2c8423467ca0485590d6236d76e"),
            ["url"] = ("Where the bytes are served, relative to the API: /media/{sha256}.{ext}; add ?w= for a resized variant.", "/media/5131f2c8423467ca0485590d6236d76e5131f2c8423467ca0485590d6236d76e.jpg"),
            ["alt"] = ("Text alternative for screen readers.", "Leaders at the Paris summit"),
            ["caption"] = ("Caption shown with the image.", "Paris, 6 January 2026."),
            ["postCount"] = ("Posts that the caller can see (published ones for readers).", 12),
            ["readingTimeMinutes"] = ("Estimated reading time of the body, in minutes.", 4),
            ["authors"] = ("The authors, in byline order.", null),
            ["tags"] = ("The tags, in the order given.", null),
            ["categories"] = ("Category names.", null),
            ["items"] = ("The items of this page, in the order asked for.", null),
            ["prefix"] = ("The first characters of the secret, to tell keys apart.", "cms_Q2hV3k9a"),
            ["secret"] = (null!, "cms_Q2hV3k9aX7pLmN0rTbYc4eWd8uJf1sGh6iKo2vZqA5x"),
            ["token"] = (null!, "AZPzpGweXTqbfB8uPUxbagAAAABpJmV4.q83vEjRWeJCrze8SNFZ4kA"),
            ["nextCursor"] = (null!, "eyJ2IjpbIjIwMjYtMDEtMDZUMjI6MzA6NTVaIl19.c2lnbmF0dXJl"),
            ["highlight"] = (null!, "the <mark>treaty</mark> was signed …"),
            ["page"] = (null!, 1),
            ["pageSize"] = (null!, 20),
            ["total"] = (null!, 42),
            ["totalPages"] = (null!, 3),
            ["description"] = ("A longer description, plain text.", "News about the war in Ukraine and the peace talks."),
            // RFC 9457 problem details
            ["type"] = ("A URI reference that identifies the kind of problem.", "https://tools.ietf.org/html/rfc9110#section-15.5.13"),
            ["status"] = (null!, null),
            ["detail"] = ("What went wrong with this request.", "The If-Match version is not the current one. Read the resource again and retry."),
            ["instance"] = ("The path of the request.", "/api/v1/posts/0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a"),
            ["errors"] = ("Messages per field, keyed by the field's JSON name (list items indexed, e.g. tags[0]; $ for the body as a whole).", null),
        };

        /// <summary>The same name means different things in a few schemas.</summary>
        private static readonly Dictionary<(string Schema, string Property), (string Description, object? Example)> Specific = new()
        {
            [("AuthorRef", "name")] = ("The author's display name.", "Badely"),
            [("AuthorResponse", "name")] = ("The author's display name.", "Badely"),
            [("TagRef", "name")] = ("The tag's display name.", "Ukraine"),
            [("TagResponse", "name")] = ("The tag's display name.", "Ukraine"),
            [("CategoryResponse", "name")] = ("The category, as first written.", "News"),
            [("CategoryResponse", "postCount")] = ("Posts in this category that the caller can see.", 3),
            [("KeyResponse", "name")] = ("What the key is for.", "Website frontend"),
            [("CreatedKeyResponse", "name")] = ("What the key is for.", "Website frontend"),
            [("KeyInput", "name")] = (null!, "Website frontend"),
            [("AuthorRef", "slug")] = (null!, "badely"),
            [("AuthorResponse", "slug")] = (null!, "badely"),
            [("AuthorInput", "slug")] = (null!, "badely"),
            [("AuthorInput", "name")] = (null!, "Badely"),
            [("TagRef", "slug")] = (null!, "ukraine"),
            [("TagResponse", "slug")] = (null!, "ukraine"),
            [("TagInput", "slug")] = (null!, "ukraine"),
            [("TagInput", "name")] = (null!, "Ukraine"),
            [("ProblemDetails", "title")] = ("A short summary of the kind of problem.", "Precondition Failed"),
            [("ProblemDetails", "status")] = ("The HTTP status code.", 412),
            [("HttpValidationProblemDetails", "title")] = ("A short summary of the kind of problem.", "One or more fields are invalid."),
            [("HttpValidationProblemDetails", "status")] = ("The HTTP status code.", 400),
            [("HttpValidationProblemDetails", "detail")] = (null!, "See errors for the fields to fix."),
            [("HttpValidationProblemDetails", "instance")] = (null!, "/api/v1/posts"),
            [("HttpValidationProblemDetails", "type")] = (null!, "https://tools.ietf.org/html/rfc9110#section-15.5.1"),
        };

        private static readonly Dictionary<string, string> SchemaDescriptions = new()
        {
            ["ProblemDetails"] = "An error (RFC 9457 problem details, application/problem+json), with the traceId of the request.",
            ["HttpValidationProblemDetails"] = "An invalid request (RFC 9457 problem details): errors lists the messages per field.",
            ["ApiKeyScope"] = "content reads published content; admin does everything.",
        };

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema concrete) return;
            var name = context.Type.Name switch
            {
                "ProblemDetails" => "ProblemDetails",
                "HttpValidationProblemDetails" => "HttpValidationProblemDetails",
                _ => context.Type.IsGenericType ? "" : context.Type.Name,
            };
            if (concrete.Description is null && SchemaDescriptions.TryGetValue(name, out var about)) concrete.Description = about;
            if (concrete.Properties is null) return;
            if (name is "ProblemDetails" or "HttpValidationProblemDetails" && !concrete.Properties.ContainsKey("traceId"))
            {
                concrete.Properties["traceId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The id of the request's trace, as in the server logs: quote it when reporting a problem.",
                    Example = System.Text.Json.Nodes.JsonValue.Create("00-310418f130b0ec8687c523d0c0d35e62-6daf24f5bfb37181-00"),
                };
                concrete.Required ??= new HashSet<string>();
                concrete.Required.Add("traceId");
            }
            foreach (var (property, value) in concrete.Properties)
            {
                if (value is not OpenApiSchema target) continue;
                Specific.TryGetValue((name, property), out var specific);
                Common.TryGetValue(property, out var common);
                var found = (Description: specific.Description ?? common.Description, Example: specific.Example ?? common.Example);
                if (found.Description is not null && string.IsNullOrWhiteSpace(target.Description)) target.Description = found.Description;
                if (found.Example is not null && target.Example is null)
                    target.Example = found.Example switch
                    {
                        int i => System.Text.Json.Nodes.JsonValue.Create(i),
                        string text => System.Text.Json.Nodes.JsonValue.Create(text),
                        _ => null,
                    };
                if (property == "website" && target.Format is null) target.Format = "uri";
                if (property is "url" or "instance" or "type" && target.Format is null && target.Type?.HasFlag(JsonSchemaType.String) == true) target.Format = "uri-reference";
            }
        }
    }
#pragma warning restore CS0618

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
            // Import answers a report and export a zip: neither is a versioned resource or a page.
            if (context.ApiDescription.RelativePath is { } route && (route.StartsWith("api/v1/import/", StringComparison.Ordinal)
                || route.StartsWith("api/v1/export/", StringComparison.Ordinal))) return;
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
