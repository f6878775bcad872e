using Cms.Api.Auth;
using Cms.Application.Images;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Cms.Api.Endpoints;

public static class MediaEndpoints
{
    /// <summary>
    /// A hash and a known extension, nothing else: no dot-dot, slash or encoded separator can reach
    /// the store, and every other name is a 404 from routing.
    /// </summary>
    public const string FilePattern = "^[0-9a-f]{{64}}\\.(jpg|png|gif|webp)$";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var route = $"/media/{{file:regex({FilePattern})}}";
        // HEAD, for caches and link checkers: the same answer without the body.
        app.MapMethods(route, [HttpMethods.Head], Get).WithName("headMedia").RequireAuthorization(AuthPolicies.Read).ExcludeFromDescription();
        app.MapGet(route, Get)
            .WithTags("Images").WithName("getMedia")
            .WithSummary("The bytes of an image, or a resized variant with ?w=; immutable, cacheable for a year")
            .RequireAuthorization(AuthPolicies.Read)
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg", "image/png", "image/gif", "image/webp")
            .Produces(StatusCodes.Status206PartialContent)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="file" example="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.jpg">The SHA-256 of the bytes in lowercase hex and the extension (jpg, png, gif or webp), as in an image's url.</param>
    /// <param name="w" example="640">A width from Cms:Images:VariantWidths (default 160, 320, 480, 640, 960, 1280, 1920, 2560); an image narrower than that is served as it is.</param>
    private static async Task<MediaResult> Get(string file, int? w, ISender sender, HttpContext context, CancellationToken ct)
    {
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        var media = await sender.Send(new GetMedia.Query(file[..dot], file[(dot + 1)..], w), ct);
        var headers = context.Response.Headers;
        // The name is the content's hash: these bytes never change, so caches may keep them for a year.
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        return new MediaResult(media);
    }
}
