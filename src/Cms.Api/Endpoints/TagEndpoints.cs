using System.Security.Claims;
using System.Text.Json;
using Cms.Api.Auth;
using Cms.Api.Caching;
using Cms.Application.Common;
using Cms.Application.Tags;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cms.Api.Endpoints;

public static class TagEndpoints
{
    public static IEndpointRouteBuilder MapTagEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tags").WithTags("Tags");

        var reads = group.MapGroup("").RequireAuthorization(AuthPolicies.Read).WithReadProblems().CachePublicReads();
        reads.MapGet("", List).WithName("listTags").WithSummary("List tags with their post counts");
        reads.MapGet("/{id:guid}", Get).WithName("getTag").WithSummary("Get a tag by id")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/slug/{slug}", GetBySlug).WithName("getTagBySlug").WithSummary("Get a tag by slug")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = group.MapGroup("").RequireAuthorization(AuthPolicies.Admin).WithWriteProblems();
        writes.MapPost("", Create).WithName("createTag").WithSummary("Create a tag");
        writes.MapPut("/{id:guid}", Update).WithName("updateTag").WithSummary("Replace a tag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPatch("/{id:guid}", Patch).WithName("patchTag").WithSummary("Change some fields of a tag (JSON merge patch)")
            .Accepts<TagInput>(PostEndpoints.MergePatchContentType, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapDelete("/{id:guid}", Delete).WithName("deleteTag").WithSummary("Delete a tag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="q" example="jos">Prefix of the name or slug, ignoring case and accents.</param>
    /// <param name="sort" example="-postCount">name (default), -name, postCount or -postCount.</param>
    /// <param name="page" example="1">1-based page number (default 1).</param>
    /// <param name="pageSize" example="20">Items per page, 1–100 (default 20).</param>
    /// <param name="fields" example="id,slug,name,postCount">Comma list of fields to return (all by default).</param>
    private static async Task<Results<Ok<Paged<TagResponse>>, StatusCodeHttpResult>> List(
        ISender sender, HttpContext context, ClaimsPrincipal user, string? q, string? sort, int? page, int? pageSize, string? fields, CancellationToken ct)
    {
        var result = await sender.Send(new ListTags.Query(q, sort, page ?? 1, pageSize ?? PageRules.DefaultPageSize, user.IsAdmin(), fields,
            context.Request.Headers.IfNoneMatch), ct);
        return Lists.Prepare(context, result) is { } found ? TypedResults.Ok(found) : TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    /// <param name="fields" example="id,slug,name,postCount">Comma list of fields to return (all by default).</param>
    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Results<Ok<TagResponse>, StatusCodeHttpResult>> Get(
        Guid id, string? fields, ISender sender, HttpContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        var tag = await sender.Send(new GetTag.Query(id, user.IsAdmin(), fields), ct);
        return HttpConditions.NotModified(context, tag.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(tag);
    }

    /// <param name="fields" example="id,slug,name,postCount">Comma list of fields to return (all by default).</param>
    /// <param name="slug" example="ukraine">The URL name.</param>
    private static async Task<Results<Ok<TagResponse>, StatusCodeHttpResult>> GetBySlug(
        string slug, string? fields, ISender sender, HttpContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        var tag = await sender.Send(new GetTagBySlug.Query(slug, user.IsAdmin(), fields), ct);
        return HttpConditions.NotModified(context, tag.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(tag);
    }

    private static async Task<Created<TagResponse>> Create(TagInput input, ISender sender, HttpContext context, CancellationToken ct)
    {
        var tag = await sender.Send(new CreateTag.Command(input), ct);
        HttpConditions.SetETag(context, tag.Version);
        return TypedResults.Created($"/api/v1/tags/{tag.Id}", tag);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Ok<TagResponse>> Update(Guid id, TagInput input, ISender sender, HttpContext context, CancellationToken ct)
    {
        var tag = await sender.Send(new UpdateTag.Command(id, input, HttpConditions.IfMatch(context.Request)), ct);
        HttpConditions.SetETag(context, tag.Version);
        return TypedResults.Ok(tag);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Ok<TagResponse>> Patch(Guid id, JsonElement patch, ISender sender, HttpContext context, CancellationToken ct)
    {
        var tag = await sender.Send(new PatchTag.Command(id, patch, HttpConditions.IfMatch(context.Request)), ct);
        HttpConditions.SetETag(context, tag.Version);
        return TypedResults.Ok(tag);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<NoContent> Delete(Guid id, ISender sender, HttpContext context, CancellationToken ct)
    {
        await sender.Send(new DeleteTag.Command(id, HttpConditions.IfMatch(context.Request)), ct);
        return TypedResults.NoContent();
    }
}
