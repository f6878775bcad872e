using System.Text.Json;

namespace Cms.Application.Common;

/// <summary>
/// Keyset ("seek") paging: a cursor carries the last row's sort values, and the next page is the rows
/// after them (<see cref="Posts.PostPage.After"/>), so page N+1 walks the index from where page N stopped
/// instead of counting past N pages.
/// </summary>
public static class Keyset
{
    /// <summary>Reads a cursor value back into the key's type.</summary>
    public static object? Read(JsonElement element, Type type)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return element.Deserialize(target, CmsJson.Options);
    }
}
