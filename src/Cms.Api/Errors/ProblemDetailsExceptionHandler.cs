using System.Net.Sockets;
using System.Text.Json;
using Cms.Application.Common;
using Cms.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cms.Api.Errors;

/// <summary>The one place where exceptions become RFC 9457 problem details.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a client should wait before retrying while the database is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested) return true;

        var problem = exception switch
        {
            ValidationException e => new ValidationProblemDetails(e.Errors)
            {
                Status = 400, Title = "One or more fields are invalid.", Detail = "See errors for the fields to fix.",
            },
            BadHttpRequestException e => BadRequest(e, context),
            JsonException json => JsonProblem(json),
            NotFoundException e => Problem(404, "Not found", e.Message),
            ConflictException e => Conflict(e.Message, e.Field),
            PreconditionFailedException e => Problem(412, "Precondition failed", e.Message),
            PayloadTooLargeException e => Problem(413, ReasonFor(413), e.Message),
            ImportTooLargeException e => Problem(413, ReasonFor(413), e.Message),
            UnsupportedMediaTypeException e => Problem(415, ReasonFor(415), e.Message),
            DbUpdateConcurrencyException => Problem(412, "Precondition failed", new PreconditionFailedException().Message),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg } =>
                Conflict("A value that must be unique was taken by a concurrent change. Retry the request.", FieldOf(pg.ConstraintName, context)),
            _ when Inner<PostgresException>(exception) is { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } =>
                Problem(409, "Conflict", "The request collided with a concurrent change. Retry it."),
            // Values PostgreSQL refuses (a NUL in a query string, a too long value): the client's input, never a 500.
            _ when Inner<PostgresException>(exception) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
                    or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.ProgramLimitExceeded or PostgresErrorCodes.InvalidTextRepresentation } =>
                Problem(400, "Bad request", "A value in the request cannot be stored or searched as given."),
            // A row that a foreign key protects (an image a post took meanwhile) was deleted.
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } } =>
                Conflict("The resource is still referenced by another one (an image used by a post or an author).", null),
            _ when IsDatabaseUnavailable(exception) => Problem(503, "Service unavailable",
                "The database is unavailable. Retry in a few seconds."),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problem(500, "Internal server error", "An unexpected error occurred. It has been logged.");
        }
        else if (problem.Status == 503)
        {
            logger.LogWarning("Database unavailable for {Method} {Path}: {Message}", context.Request.Method, context.Request.Path, exception.Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails Conflict(string detail, string? field)
    {
        if (field is null) return Problem(409, "Conflict", detail);
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = 409, Title = "Conflict", Detail = detail,
        };
    }

    /// <summary>
    /// <c>ix_posts_slug</c> on a posts route → <c>slug</c>. A clash on another table's index (a tag
    /// created by two post writes at once) is no fault of the request's own slug.
    /// </summary>
    private static string? FieldOf(string? constraint, HttpContext context)
    {
        var resource = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2);
        return constraint == $"ix_{resource}_slug" ? "slug" : null;
    }

    private static ProblemDetails BadRequest(BadHttpRequestException exception, HttpContext context)
    {
        if (exception.InnerException is JsonException json) return JsonProblem(json);
        var (field, message) = BadRequests.Describe(exception);
        if (exception.StatusCode == 413) return Problem(413, ReasonFor(413), "The request body is larger than this endpoint accepts.");
        if (exception.StatusCode != 400) return Problem(exception.StatusCode, ReasonFor(exception.StatusCode), BadRequests.DetailFor(exception.StatusCode, context) ?? message);
        if (field is null) return Problem(400, "Bad request", message);
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = 400, Title = "One or more fields are invalid.", Detail = message,
        };
    }

    private static string ReasonFor(int status) => status switch
    {
        413 => "Payload too large",
        415 => "Unsupported media type",
        _ => "Bad request",
    };

    private static ValidationProblemDetails JsonProblem(JsonException exception)
    {
        var (field, message) = JsonErrors.Describe(exception);
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = 400, Title = "Malformed request body", Detail = message,
        };
    }

    private static T? Inner<T>(Exception? exception) where T : Exception =>
        exception switch { null => null, T found => found, _ => Inner<T>(exception.InnerException) };

    public static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.TooManyConnections,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException or TimeoutException => true,
        _ => exception.InnerException is { } inner && IsDatabaseUnavailable(inner),
    };
}
