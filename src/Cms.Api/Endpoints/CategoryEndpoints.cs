using Cms.Api.Auth;
using Cms.Api.Caching;
using Cms.Application.Categories;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cms.Api.Endpoints;

public static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/v1/categories").WithTags("Categories")
            .RequireAuthorization(AuthPolicies.Read).WithReadProblems().CachePublicReads();
        reads.MapGet("", List).WithName("listCategories").WithSummary("List categories with their post counts");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CategoryResponse>>, StatusCodeHttpResult>> List(
        ISender sender, HttpContext context, CancellationToken ct)
    {
        var categories = await sender.Send(new ListCategories.Query(), ct);
        return HttpConditions.NotModified(context, categories) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(categories);
    }
}
