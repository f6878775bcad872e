using Cms.Api.Auth;
using Cms.Application.Keys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cms.Api.Endpoints;

public static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/keys").WithTags("Keys").RequireAuthorization(AuthPolicies.Admin).WithWriteProblems();
        keys.MapPost("", Create).WithName("createKey").WithSummary("Create an API key (its secret is shown once)");
        keys.MapGet("", List).WithName("listKeys").WithSummary("List the active API keys, without secrets");
        keys.MapGet("/{id:guid}", Get).WithName("getKey").WithSummary("Get an active API key, without its secret")
            .ProducesProblem(StatusCodes.Status404NotFound);
        keys.MapDelete("/{id:guid}", Revoke).WithName("revokeKey").WithSummary("Revoke an API key at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Created<CreatedKeyResponse>> Create(CreateKey.KeyInput input, ISender sender, HttpContext context, CancellationToken ct)
    {
        var key = await sender.Send(new CreateKey.Command(input), ct);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/keys/{key.Id}", key);
    }

    private static async Task<Ok<IReadOnlyList<KeyResponse>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListKeys.Query(), ct));

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The key's id.</param>
    private static async Task<Ok<KeyResponse>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetKey.Query(id), ct));

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The key's id.</param>
    private static async Task<NoContent> Revoke(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RevokeKey.Command(id), ct);
        return TypedResults.NoContent();
    }
}
