namespace Cms.Application.Common;

/// <summary>One key of a <c>sort</c> parameter such as <c>-publishedAt,title</c>.</summary>
public sealed record SortKey(string Field, bool Descending);

public static class Sorting
{
    /// <summary>Parses a comma list against the allowed field names (case-insensitive); null when a name is unknown.</summary>
    public static IReadOnlyList<SortKey>? Parse(string? sort, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(sort)) return [];
        var keys = new List<SortKey>();
        foreach (var raw in sort.Split(',', StringSplitOptions.TrimEntries))
        {
            var descending = raw.StartsWith('-');
            var name = descending ? raw[1..] : raw;
            var field = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
            if (field is null || keys.Any(k => k.Field == field)) return null;
            keys.Add(new SortKey(field, descending));
        }
        return keys;
    }

    public static string Describe(IReadOnlyCollection<string> allowed) =>
        "'sort' must be a comma list of " + string.Join(", ", allowed) + ", each optionally prefixed with '-'.";
}
