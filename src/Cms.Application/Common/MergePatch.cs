using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Application.Common;

/// <summary>
/// JSON Merge Patch (RFC 7396): members of the patch replace those of the target, <c>null</c>
/// removes them, nested objects merge, everything else (arrays included) is replaced whole.
/// </summary>
public static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target as JsonObject is { } t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null) result.Remove(name);
            else result[name] = Apply(result[name], value);
        }
        return result;
    }

    /// <summary>Applies <paramref name="patch"/> to <paramref name="current"/> and reads the result back as <typeparamref name="T"/>.</summary>
    public static T ApplyTo<T>(T current, JsonElement patch) where T : class
    {
        var target = JsonSerializer.SerializeToNode(current, CmsJson.Options);
        try
        {
            var merged = Apply(target, JsonNode.Parse(patch.GetRawText()));
            return merged.Deserialize<T>(CmsJson.Options)
                ?? throw new Exceptions.ValidationException("$", "The patch must be a JSON object.");
        }
        catch (JsonException e)
        {
            var (field, message) = JsonErrors.Describe(e);
            throw new Exceptions.ValidationException(field, message);
        }
        catch (ArgumentException)
        {
            // JsonObject refuses a member named twice.
            throw new Exceptions.ValidationException("$", "The patch names a field more than once.");
        }
        catch (InvalidOperationException)
        {
            // An escaped half of a surrogate pair cannot be read as text.
            throw new Exceptions.ValidationException("$", "The patch contains text that is not valid UTF-16.");
        }
    }
}
