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
            });
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
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "Cms.*.xml"))
                o.IncludeXmlComments(xml);
        });
        return services;
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
            content[Endpoints.PostEndpoints.MergePatchContentType] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(accepts.RequestType!, context.SchemaRepository),
            };
            operation.RequestBody.Description = "A JSON merge patch (RFC 7396): only the fields to change; null clears a field.";
        }
    }
}
