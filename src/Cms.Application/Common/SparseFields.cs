using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cms.Application.Common;

/// <summary>A response that may carry only some of its fields (<c>?fields=</c>).</summary>
public interface ISparseResponse
{
    /// <summary>The JSON names to write; null writes them all.</summary>
    IReadOnlySet<string>? Fields { get; }
}

public static class SparseFields
{
    /// <summary>
    /// Parses <c>fields=a,b</c> against the allowed names (case-insensitive, returned in their
    /// canonical spelling); null when a name is unknown.
    /// </summary>
    public static IReadOnlySet<string>? Parse(string? fields, IReadOnlyCollection<string> allowed, IReadOnlySet<string> defaults)
    {
        if (string.IsNullOrWhiteSpace(fields)) return defaults;
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var known = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
            if (known is null) return null;
            result.Add(known);
        }
        return result.Count == 0 ? defaults : result;
    }

    public static string Describe(IReadOnlyCollection<string> allowed) =>
        "'fields' must be a comma list of: " + string.Join(", ", allowed) + ".";

    /// <summary>A System.Text.Json contract modifier: a sparse response writes only its selected fields.</summary>
    public static void Modify(JsonTypeInfo typeInfo)
    {
        if (!typeof(ISparseResponse).IsAssignableFrom(typeInfo.Type)) return;
        foreach (var property in typeInfo.Properties)
        {
            var name = property.Name;
            var previous = property.ShouldSerialize;
            property.ShouldSerialize = (owner, value) =>
                (((ISparseResponse)owner).Fields is not { } fields || fields.Contains(name))
                && (previous is null || previous(owner, value));
        }
    }
}
