using System.Security.Claims;
using System.Text.Json;
using Cms.Api.Auth;
using Cms.Api.Caching;
using Cms.Application.Common;
using Cms.Application.Posts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cms.Api.Endpoints;

public static class PostEndpoints
{
    public static IEndpointRouteBuilder MapPostEndpoints(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/api/v1/posts").WithTags("Posts");

        var reads = posts.MapGroup("").RequireAuthorization(AuthPolicies.Read).WithReadProblems().CachePublicReads();
        reads.MapGet("", List).WithName("listPosts").WithSummary("List posts, newest first, with filters and paging")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        reads.MapGet("/{id:guid}", Get).WithName("getPost").WithSummary("Get a post by id")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/slug/{slug}", GetBySlug).WithName("getPostBySlug").WithSummary("Get a post by slug")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var writes = posts.MapGroup("").RequireAuthorization(AuthPolicies.Admin).WithWriteProblems();
        writes.MapPost("", Create).WithName("createPost").WithSummary("Create a post");
        writes.MapPut("/{id:guid}", Update).WithName("updatePost").WithSummary("Replace a post")
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPatch("/{id:guid}", Patch).WithName("patchPost").WithSummary("Change some fields of a post (JSON merge patch)")
            .Accepts<PostInput>(MergePatchContentType, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapPost("/{id:guid}/preview", Preview).WithName("previewPost")
            .WithSummary("Make a short-lived link that shows this post (a draft, say) without a key")
            .ProducesProblem(StatusCodes.Status404NotFound);
        writes.MapDelete("/{id:guid}", Delete).WithName("deletePost").WithSummary("Delete a post")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public const string MergePatchContentType = "application/merge-patch+json";

    /// <param name="status" example="published">published (default), draft, scheduled or all; anything but published needs the admin scope.</param>
    /// <param name="tag" example="ukraine,world-news">Comma-separated tag slugs or names: posts with any of them.</param>
    /// <param name="author" example="badely">Comma-separated author slugs: posts by any of them.</param>
    /// <param name="category" example="news">Comma-separated category names or slugs: posts in any of them.</param>
    /// <param name="publishedAfter" example="2026-01-01T00:00:00Z">Only posts published at or after this instant (ISO 8601).</param>
    /// <param name="publishedBefore" example="2026-02-01T00:00:00Z">Only posts published before this instant (ISO 8601).</param>
    /// <param name="q" example="treaty -draft">Full-text search, web-search syntax: words, "exact phrases", -excluded, or. Orders by relevance (title and excerpt matches first, then body-only matches newest first) unless sort is given.</param>
    /// <param name="sort" example="-publishedAt,title">Comma list of publishedAt, updatedAt, createdAt, title, each optionally prefixed with '-'; default -publishedAt (relevance with q).</param>
    /// <param name="page" example="1">1-based page number (default 1); not together with cursor.</param>
    /// <param name="pageSize" example="20">Items per page, 1–100 (default 20).</param>
    /// <param name="cursor" example="eyJ2IjpbIjIwMjYtMDEtMDZUMjI6MzA6NTVaIl19.c2lnbmF0dXJl">The nextCursor of the previous page (keyset paging); send the same filters, q, sort, fields and pageSize.</param>
    /// <param name="fields" example="id,slug,title,publishedAt,tags">Comma list of fields to return, e.g. id,slug,title,publishedAt; body, html and highlight only when named here.</param>
    private static async Task<Results<Ok<Paged<PostResponse>>, StatusCodeHttpResult, ChallengeHttpResult, ForbidHttpResult>> List(
        ISender sender, HttpContext context, ClaimsPrincipal user,
        string? status, string? tag, string? author, string? category,
        DateTimeOffset? publishedAfter, DateTimeOffset? publishedBefore,
        string? q, string? sort, int? page, int? pageSize, string? cursor, string? fields, CancellationToken ct)
    {
        if (status is "draft" or "scheduled" or "all" && !user.IsAdmin())
            return user.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Challenge();
        var result = await sender.Send(new ListPosts.Query(status, tag, author, category, publishedAfter, publishedBefore, q, sort,
            page, pageSize ?? PageRules.DefaultPageSize, cursor, fields, user.IsAdmin(), context.Request.Headers.IfNoneMatch), ct);
        return Lists.Prepare(context, result, cursorPaging: cursor is not null) is { } found ? TypedResults.Ok(found) : TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    /// <param name="fields" example="id,slug,title,publishedAt,tags">Comma list of fields to return (all by default).</param>
    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    /// <param name="preview" example="AZPzpGweXTqbfB8uPUxbagAAAABpJmV4.q83vEjRWeJCrze8SNFZ4kA">A preview token from POST /api/v1/posts/{id}/preview: shows this post even when it is a draft.</param>
    private static async Task<Results<Ok<PostResponse>, StatusCodeHttpResult>> Get(
        Guid id, string? fields, string? preview, ISender sender, HttpContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        // A previewed draft must never land in a shared cache.
        if (preview is not null) context.Response.Headers.CacheControl = "private, no-store";
        var post = await sender.Send(new GetPost.Query(id, user.IsAdmin(), fields, preview), ct);
        ContentCache.ShowsPost(context, post.Id);
        return HttpConditions.NotModified(context, post.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(post);
    }

    /// <param name="fields" example="id,slug,title,publishedAt,tags">Comma list of fields to return (all by default).</param>
    /// <param name="slug" example="uk-and-france-to-send-troops-to-ukraine">The URL name.</param>
    private static async Task<Results<Ok<PostResponse>, StatusCodeHttpResult>> GetBySlug(
        string slug, string? fields, ISender sender, HttpContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        var post = await sender.Send(new GetPostBySlug.Query(slug, user.IsAdmin(), fields), ct);
        ContentCache.ShowsPost(context, post.Id);
        return HttpConditions.NotModified(context, post.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(post);
    }

    private static async Task<Created<PostResponse>> Create(PostInput input, ISender sender, HttpContext context, CancellationToken ct)
    {
        var post = await sender.Send(new CreatePost.Command(input), ct);
        HttpConditions.SetETag(context, post.Version);
        return TypedResults.Created($"/api/v1/posts/{post.Id}", post);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Ok<PostResponse>> Update(Guid id, PostInput input, ISender sender, HttpContext context, CancellationToken ct)
    {
        var post = await sender.Send(new UpdatePost.Command(id, input, HttpConditions.IfMatch(context.Request)), ct);
        HttpConditions.SetETag(context, post.Version);
        return TypedResults.Ok(post);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Ok<PostResponse>> Patch(Guid id, JsonElement patch, ISender sender, HttpContext context, CancellationToken ct)
    {
        var post = await sender.Send(new PatchPost.Command(id, patch, HttpConditions.IfMatch(context.Request)), ct);
        HttpConditions.SetETag(context, post.Version);
        return TypedResults.Ok(post);
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<Ok<PreviewResponse>> Preview(Guid id, ISender sender, HttpContext context, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await sender.Send(new PreviewPost.Command(id), ct));
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The id (a UUID v7).</param>
    private static async Task<NoContent> Delete(Guid id, ISender sender, HttpContext context, CancellationToken ct)
    {
        await sender.Send(new DeletePost.Command(id, HttpConditions.IfMatch(context.Request)), ct);
        return TypedResults.NoContent();
    }
}
