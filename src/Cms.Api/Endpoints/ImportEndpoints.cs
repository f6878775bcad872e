using Cms.Api.Auth;
using Cms.Application.Import;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cms.Api.Endpoints;

public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxBytes;
        var imports = app.MapGroup("/api/v1/import").WithTags("Import and export").RequireAuthorization(AuthPolicies.Admin)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        imports.MapPost("/jekyll", Import).WithName("importJekyll")
            .WithSummary("Import Jekyll posts (.md/.markdown files and their images, or one .zip of a site); the report says what happened to each file")
            .Accepts<ImportForm>("multipart/form-data")
            .WithMetadata(new RequestSizeLimit(maxBytes + ImportUploads.EnvelopeBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var exports = app.MapGroup("/api/v1/export").WithTags("Import and export").RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        exports.MapGet("/jekyll", Export).WithName("exportJekyll")
            .WithSummary("Export every post (drafts in _drafts/) and the images they use as a .zip of a Jekyll site")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip");
        return app;
    }

    private static async Task<Ok<ImportReport>> Import(HttpRequest request, IOptions<ImportOptions> options, ISender sender, CancellationToken ct)
    {
        using var package = await ImportUploads.ReadAsync(request, options.Value, ct);
        return TypedResults.Ok(await sender.Send(new ImportJekyll.Command(package), ct));
    }

    private static PushStreamHttpResult Export(ISender sender, TimeProvider clock, HttpContext context) =>
        TypedResults.Stream(async body => await sender.Send(new ExportJekyll.Query(body), context.RequestAborted),
            "application/zip", $"jekyll-export-{clock.GetUtcNow():yyyyMMdd}.zip");
}
