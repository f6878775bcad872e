using System.Security.Claims;
using System.Text.Json;
using Cms.Api.Auth;
using Cms.Api.Caching;
using Cms.Application.Common;
using Cms.Application.Authors;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cms.Api.Endpoints;

public static class AuthorEndpoints
{
    public static IEndpointRouteBuilder MapAuthorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/authors").WithTags("Authors");

        var reads = group.MapGroup("").RequireAuthorization(AuthPolicies.Read).WithReadProblems().CachePublicReads();
        reads.MapGet("", List).WithName("listAuthors").WithSummary("List authors with their post counts");
        reads.MapGet("/{id:guid}", Get).WithName("getAuthor").WithSummary("Get an author by id")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/slug/{slug}", GetBySlug).WithName("getAuthorBySlug").WithSummary("Get an author by slug")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = group.MapGroup("").RequireAuthorization(AuthPolicies.Admin).WithWriteProblems();
        writes.MapPost("", Create).WithName("createAuthor").WithSummary("Create an author");
        writes.MapPut("/{id:guid}", Update).WithName("updateAuthor").WithSummary("Replace an author")
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPatch("/{id:guid}", Patch).WithName("patchAuthor").WithSummary("Change some fields of an author (JSON merge patch)")
            .Accepts<AuthorInput>(PostEndpoints.MergePatchContentType, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapDelete("/{id:guid}", Delete).WithName("deleteAuthor").WithSummary("Delete an author")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="q" example="jos">Prefix of the name or slug, ignoring case and accents.</param>
    /// <param name="sort" example="-postCount">name (default), -name, postCount or -postCount.</param>
    /// <param name="page" example="1">1-based page number (default 1).</param>
    /// <param name="pageSize" example="20">Items per page, 1–100 (default 20).</param>
    /// <param name="fields" example="id,slug,name,postCount">Comma list of fields to return (all by default).</param>
    private static async Task<Results<Ok<Paged<AuthorResponse>>, StatusCodeHttpResult>> List(
        ISender sender, HttpContext context, ClaimsPrincipal user, string? q, string? sort, int? page, int? pageSize, string? fields, CancellationToken ct)
    {
        var result = await sender.Send(new ListAuthors.Query(q, sort, page ?? 1, pageSize ?? PageRules.DefaultPageSize, user.IsAdmin(), fields,
            context.Request.Headers.IfNoneMatch), ct);
        return Lists.Prepare(context, result) is { } found ? TypedResults.Ok(found) : TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    /// <param name="fields" example="id,slug,name,postCount">Comma list of fields to return (all by default).</param>
    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Results<Ok<AuthorResponse>, StatusCodeHttpResult>> Get(
        Guid id, string? fields, ISender sender, HttpContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        var author = await sender.Send(new GetAuthor.Query(id, user.IsAdmin(), fields), ct);
        return HttpConditions.NotModified(context, author.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(author);
    }

    /// <param name="fields" example="id,slug,name,postCount">Comma list of fields to return (all by default).</param>
    /// <param name="slug" example="badely">The URL name.</param>
    private static async Task<Results<Ok<AuthorResponse>, StatusCodeHttpResult>> GetBySlug(
        string slug, string? fields, ISender sender, HttpContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        var author = await sender.Send(new GetAuthorBySlug.Query(slug, user.IsAdmin(), fields), ct);
        return HttpConditions.NotModified(context, author.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(author);
    }

    private static async Task<Created<AuthorResponse>> Create(AuthorInput input, ISender sender, HttpContext context, CancellationToken ct)
    {
        var author = await sender.Send(new CreateAuthor.Command(input), ct);
        HttpConditions.SetETag(context, author.Version);
        return TypedResults.Created($"/api/v1/authors/{author.Id}", author);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Ok<AuthorResponse>> Update(Guid id, AuthorInput input, ISender sender, HttpContext context, CancellationToken ct)
    {
        var author = await sender.Send(new UpdateAuthor.Command(id, input, HttpConditions.IfMatch(context.Request)), ct);
        HttpConditions.SetETag(context, author.Version);
        return TypedResults.Ok(author);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Ok<AuthorResponse>> Patch(Guid id, JsonElement patch, ISender sender, HttpContext context, CancellationToken ct)
    {
        var author = await sender.Send(new PatchAuthor.Command(id, patch, HttpConditions.IfMatch(context.Request)), ct);
        HttpConditions.SetETag(context, author.Version);
        return TypedResults.Ok(author);
    }

    /// <param name="reassignTo" example="badely">Slug of the author who takes over the posts; without it, deleting an author with posts is a 409.</param>
    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<NoContent> Delete(Guid id, string? reassignTo, ISender sender, HttpContext context, CancellationToken ct)
    {
        await sender.Send(new DeleteAuthor.Command(id, reassignTo, HttpConditions.IfMatch(context.Request)), ct);
        return TypedResults.NoContent();
    }
}
