namespace Cms.Application.Common;

public static class Lists
{
    /// <summary>Splits a comma-separated filter value; empty entries are dropped.</summary>
    public static IReadOnlyList<string> SplitComma(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
