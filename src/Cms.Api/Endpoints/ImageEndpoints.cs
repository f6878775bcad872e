using System.Security.Claims;
using System.Text.Json;
using Cms.Api.Auth;
using Cms.Api.Caching;
using Cms.Application.Common;
using Cms.Application.Images;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cms.Api.Endpoints;

public static class ImageEndpoints
{
    public static IEndpointRouteBuilder MapImageEndpoints(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("/api/v1/images").WithTags("Images");

        var reads = images.MapGroup("").RequireAuthorization(AuthPolicies.Read).WithReadProblems().CachePublicReads();
        reads.MapGet("", List).WithName("listImages").WithSummary("List the media library, newest first");
        reads.MapGet("/{id:guid}", Get).WithName("getImage").WithSummary("Get an image by id")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<ImageOptions>>().Value.MaxBytes;
        var writes = images.MapGroup("").RequireAuthorization(AuthPolicies.Admin).WithWriteProblems();
        writes.MapPost("", Upload).WithName("uploadImage")
            .WithSummary("Upload an image (multipart/form-data: file, and optional alt and caption)")
            .Accepts<ImageUploadForm>("multipart/form-data")
            .WithMetadata(new RequestSizeLimit(maxBytes + ImageUpload.EnvelopeBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        writes.MapPatch("/{id:guid}", Patch).WithName("patchImage").WithSummary("Change the alt text or caption of an image (JSON merge patch)")
            .Accepts<ImageInput>(PostEndpoints.MergePatchContentType, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapDelete("/{id:guid}", Delete).WithName("deleteImage").WithSummary("Delete an image that no post or author uses")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="page" example="1">1-based page number (default 1).</param>
    /// <param name="pageSize" example="20">Items per page, 1–100 (default 20).</param>
    /// <param name="fields" example="id,url,width,height,alt">Comma list of fields to return (all by default).</param>
    private static async Task<Results<Ok<Paged<ImageResponse>>, StatusCodeHttpResult>> List(
        ISender sender, HttpContext context, ClaimsPrincipal user, int? page, int? pageSize, string? fields, CancellationToken ct)
    {
        var result = await sender.Send(new ListImages.Query(page ?? 1, pageSize ?? PageRules.DefaultPageSize, user.IsAdmin(), fields,
            context.Request.Headers.IfNoneMatch), ct);
        return Lists.Prepare(context, result) is { } found ? TypedResults.Ok(found) : TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    /// <param name="fields" example="id,url,width,height,alt">Comma list of fields to return (all by default).</param>
    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Results<Ok<ImageResponse>, StatusCodeHttpResult>> Get(
        Guid id, string? fields, ISender sender, HttpContext context, CancellationToken ct)
    {
        var image = await sender.Send(new GetImage.Query(id, fields), ct);
        return HttpConditions.NotModified(context, image.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(image);
    }

    /// <summary>201 with the new image, or 200 with the image that already has these bytes.</summary>
    private static async Task<Results<Created<ImageResponse>, Ok<ImageResponse>>> Upload(
        HttpRequest request, IImageStore store, IOptions<ImageOptions> options, ISender sender, HttpContext context, CancellationToken ct)
    {
        await using var upload = await ImageUpload.ReadAsync(request, store, options.Value.MaxBytes, ct);
        var result = await sender.Send(new UploadImage.Command(upload.File, upload.Alt, upload.Caption), ct);
        HttpConditions.SetETag(context, result.Image.Version);
        return result.Created
            ? TypedResults.Created($"/api/v1/images/{result.Image.Id}", result.Image)
            : TypedResults.Ok(result.Image);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Ok<ImageResponse>> Patch(Guid id, JsonElement patch, ISender sender, HttpContext context, CancellationToken ct)
    {
        var image = await sender.Send(new PatchImage.Command(id, patch, HttpConditions.IfMatch(context.Request)), ct);
        HttpConditions.SetETag(context, image.Version);
        return TypedResults.Ok(image);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<NoContent> Delete(Guid id, ISender sender, HttpContext context, CancellationToken ct)
    {
        await sender.Send(new DeleteImage.Command(id, HttpConditions.IfMatch(context.Request)), ct);
        return TypedResults.NoContent();
    }
}
