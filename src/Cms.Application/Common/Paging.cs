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
}
