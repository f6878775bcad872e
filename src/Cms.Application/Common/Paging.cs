namespace Cms.Application.Common;

/// <summary>One page of a list, in the envelope every list endpoint returns.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, Pagination Pagination);

/// <summary>Where a page sits in the whole list.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page, 1–100.</param>
/// <param name="Total">Items matching the filters, over all pages.</param>
/// <param name="TotalPages">Pages at this page size.</param>
/// <param name="NextCursor">Opaque keyset cursor for the next page, when there is one.</param>
public sealed record Pagination(int Page, int PageSize, int Total, int TotalPages, string? NextCursor = null)
{
    public static Pagination Of(int page, int pageSize, int total) =>
        new(page, pageSize, total, (int)Math.Ceiling(total / (double)pageSize));

    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasNext => Page < TotalPages;
}

public static class PageRules
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>
    /// The most rows an offset page may skip: (page − 1) × pageSize, plus a page and the one row read past it, must fit
    /// in an int. Beyond it the offset used to wrap around to a negative number: the first page, or a 500.
    /// </summary>
    public const long MaxOffset = int.MaxValue - 2 * MaxPageSize;

    public static bool IsReachable(int? page, int pageSize) => page is not { } p || (p - 1L) * pageSize <= MaxOffset;

    public static readonly string TooFar = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"'page' is too far for this pageSize: (page - 1) × pageSize must not exceed {MaxOffset:N0}. Walk a long list with its cursor.");
}
