namespace Cms.Api.Endpoints;

/// <summary>The problem responses every read or write route can give, declared once per group.</summary>
public static class EndpointConventions
{
    public static RouteGroupBuilder WithReadProblems(this RouteGroupBuilder group) => group
        .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void), []))
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static RouteGroupBuilder WithWriteProblems(this RouteGroupBuilder group) => group
        .ProducesValidationProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
