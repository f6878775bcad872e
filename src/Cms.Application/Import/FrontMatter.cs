using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cms.Application.Import;

/// <summary>A Markdown file split into its YAML front matter (keys in file order) and its body.</summary>
public sealed record FrontMatterDocument(JsonObject Fields, string Body, bool HasFrontMatter);

/// <summary>
/// Reads <c>---</c>-delimited YAML front matter into JSON nodes, keeping key order and YAML types.
/// The YAML is read event by event (never a recursive object model), with a depth limit and a
/// budget of values that counts what aliases would expand to: a nested or alias-bomb document is
/// refused before it costs memory or stack.
/// </summary>
public static partial class FrontMatter
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxDepth = 32;
    public const int MaxValues = 10_000;

    public static FrontMatterDocument Parse(string text)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var firstEnd = text.IndexOf('\n');
        if (firstEnd < 0 || !IsFence(text[..firstEnd])) return new(new JsonObject(), text, false);

        var start = firstEnd + 1;
        var lineStart = start;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd];
            if (IsFence(line) || line.TrimEnd() == "...")
            {
                var yaml = text[start..lineStart];
                if (Encoding.UTF8.GetByteCount(yaml) > MaxBytes)
                    throw new ImportFileException($"The front matter is larger than {MaxBytes / 1024} KiB.");
                return new(ReadYaml(yaml), lineEnd < 0 ? "" : text[(lineEnd + 1)..], true);
            }
            if (lineEnd < 0) break;
            if (lineStart - start > MaxBytes)
                throw new ImportFileException($"The front matter is larger than {MaxBytes / 1024} KiB.");
            lineStart = lineEnd + 1;
        }
        throw new ImportFileException("The front matter starts with '---' on line 1 but has no closing '---' line.");
    }

    private static bool IsFence(string line) => line.TrimEnd() == "---";

    private sealed class Frame(JsonNode node, int line)
    {
        public JsonNode Node { get; } = node;
        public int Line { get; } = line;
        public string? Key { get; set; }
        public string? Anchor { get; init; }
        public int FirstValue { get; init; }
    }

    /// <summary>The YAML between the fences; line numbers in messages are the file's (the fence is line 1).</summary>
    private static JsonObject ReadYaml(string yaml)
    {
        const int lineOffset = 1;
        var parser = new Parser(new StringReader(yaml));
        var stack = new Stack<Frame>();
        var anchors = new Dictionary<string, (JsonNode? Node, int Values)>();
        JsonObject? root = null;
        var values = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var line = (int)current.Start.Line + lineOffset;
                switch (current)
                {
                    case StreamStart or StreamEnd or DocumentEnd:
                        break;
                    case DocumentStart when root is not null:
                        throw Error(line, "The front matter holds more than one YAML document.");
                    case DocumentStart:
                        break;
                    case MappingStart or SequenceStart:
                    {
                        if (stack.Count >= MaxDepth) throw Error(line, $"The front matter is nested more than {MaxDepth} levels deep.");
                        Count(ref values, 1, line);
                        JsonNode node = current is MappingStart ? new JsonObject() : new JsonArray();
                        var anchor = ((NodeEvent)current).Anchor;
                        if (stack.Count == 0)
                        {
                            if (node is not JsonObject map) throw Error(line, "The front matter must be keys with values, not a list.");
                            root = map;
                        }
                        else Add(stack.Peek(), node, line);
                        stack.Push(new Frame(node, line) { Anchor = anchor.IsEmpty ? null : anchor.Value, FirstValue = values });
                        break;
                    }
                    case MappingEnd or SequenceEnd:
                    {
                        var frame = stack.Pop();
                        if (frame.Anchor is not null) anchors[frame.Anchor] = (frame.Node, values - frame.FirstValue + 1);
                        break;
                    }
                    case Scalar scalar:
                    {
                        if (stack.Count == 0)
                        {
                            if (scalar.Value.Length == 0 && scalar.Style == ScalarStyle.Plain) continue; // empty front matter
                            throw Error(line, "The front matter must be keys with values, not a single value.");
                        }
                        var top = stack.Peek();
                        if (top.Node is JsonObject && top.Key is null)
                        {
                            if (((JsonObject)top.Node).ContainsKey(scalar.Value)) throw Error(line, $"The key '{scalar.Value}' appears twice.");
                            top.Key = scalar.Value;
                            continue;
                        }
                        Count(ref values, 1, line);
                        var value = ToJson(scalar);
                        if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = (value?.DeepClone(), 1);
                        Add(top, value, line);
                        break;
                    }
                    case AnchorAlias alias:
                    {
                        if (!anchors.TryGetValue(alias.Value.Value, out var target)) throw Error(line, $"The alias '*{alias.Value}' names no anchor.");
                        Count(ref values, target.Values, line);
                        if (stack.Count == 0) throw Error(line, "The front matter must be keys with values.");
                        var top = stack.Peek();
                        if (top.Node is JsonObject && top.Key is null) throw Error(line, "An alias cannot be a key.");
                        Add(top, target.Node?.DeepClone(), line);
                        break;
                    }
                    default:
                        throw Error(line, "The front matter uses a YAML feature the importer does not read.");
                }
            }
        }
        catch (YamlException e)
        {
            throw Error((int)e.Start.Line + lineOffset, PositionPrefix().Replace(e.Message, ""));
        }
        return root ?? new JsonObject();
    }

    private static void Count(ref int values, int more, int line)
    {
        values += more;
        if (values > MaxValues)
            throw Error(line, $"The front matter holds more than {MaxValues} values (aliases counted as what they expand to).");
    }

    private static void Add(Frame frame, JsonNode? value, int line)
    {
        switch (frame.Node)
        {
            case JsonArray list: list.Add(value); break;
            case JsonObject map when frame.Key is { } key:
                map[key] = value;
                frame.Key = null;
                break;
            default: throw Error(line, "A key must be text, not a list or a mapping.");
        }
    }

    private static ImportFileException Error(int line, string message) => new($"YAML error on line {line}: {message}");

    /// <summary>YAML 1.2 core schema for plain scalars: null, booleans, numbers; everything else (and anything quoted) is text.</summary>
    public static JsonNode? ToJson(Scalar scalar)
    {
        var text = scalar.Value;
        if ((!scalar.Tag.IsNonSpecific && !scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str") || scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        // A literal JSON accepts as it is keeps its exact spelling (1.50 stays 1.50).
        if (JsonNumber().IsMatch(text)) return JsonNode.Parse(text);
        if (YamlInteger().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            return JsonValue.Create(hex);
        if (YamlFloat().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex YamlInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}

/// <summary>One imported file cannot be read; the message says why, and the import goes on with the others.</summary>
public sealed class ImportFileException(string message) : Exception(message);
