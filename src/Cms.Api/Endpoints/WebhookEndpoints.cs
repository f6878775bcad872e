using System.Text.Json;
using Cms.Api.Auth;
using Cms.Application.Webhooks;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cms.Api.Endpoints;

public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(AuthPolicies.Admin).WithWriteProblems();
        webhooks.MapPost("", Create).WithName("createWebhook").WithSummary("Create a webhook (its secret is shown once)");
        webhooks.MapGet("", List).WithName("listWebhooks").WithSummary("List the webhooks, without secrets");
        webhooks.MapGet("/{id:guid}", Get).WithName("getWebhook").WithSummary("Get a webhook with its delivery statistics")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPatch("/{id:guid}", Patch).WithName("patchWebhook").WithSummary("Change a webhook's URL, events, secret or active flag (JSON merge patch)")
            .Accepts<WebhookInput>(PostEndpoints.MergePatchContentType, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id:guid}", Delete).WithName("deleteWebhook").WithSummary("Delete a webhook and its deliveries")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapGet("/{id:guid}/deliveries", Deliveries).WithName("listWebhookDeliveries")
            .WithSummary("List a webhook's recent deliveries: event, status, attempts, next attempt, last answer")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Created<CreatedWebhookResponse>> Create(WebhookInput input, ISender sender, HttpContext context, CancellationToken ct)
    {
        var webhook = await sender.Send(new CreateWebhook.Command(input), ct);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/webhooks/{webhook.Id}", webhook);
    }

    private static async Task<Ok<IReadOnlyList<WebhookResponse>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListWebhooks.Query(), ct));

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The webhook's id.</param>
    private static async Task<Ok<WebhookDetails>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetWebhook.Query(id), ct));

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The webhook's id.</param>
    private static async Task<Ok<WebhookResponse>> Patch(Guid id, JsonElement patch, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PatchWebhook.Command(id, patch), ct));

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The webhook's id.</param>
    private static async Task<NoContent> Delete(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteWebhook.Command(id), ct);
        return TypedResults.NoContent();
    }

    /// <param name="id" example="0193f6a2-6c1e-7d3a-9b7c-1f2e3d4c5b6a">The webhook's id.</param>
    /// <param name="limit" example="50">How many deliveries, newest event first: 1–200 (default 50).</param>
    private static async Task<Ok<IReadOnlyList<DeliveryResponse>>> Deliveries(Guid id, int? limit, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDeliveries.Query(id, limit ?? 50), ct));
}
