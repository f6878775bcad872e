// The lower bound of PERFORMANCE.md's targets: a minimal Kestrel + Npgsql endpoint that sends, for each
// read case, exactly the statements the API sent (the pgbench scripts bench/capture.py wrote from the
// server log) with the same parameter values, and writes their rows as JSON. No EF Core, no mediator,
// no middleware: what the API would reach if everything between HTTP and the database were free.
//
//   dotnet Minimal.dll <connection string> <folder of <case>.sql, <case>.defines and <case>.mode>   (URLs: ASPNETCORE_URLS)
// (<case>.mode "prepared": the API prepared these statements, so does this endpoint.)
//   GET /{case}  ->  {"rows":[[...], ...]} of every statement, in order
using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var dataSource = NpgsqlDataSource.Create(args[0]);
var cases = new Dictionary<string, Case>(StringComparer.Ordinal);
foreach (var script in Directory.GetFiles(args[1], "*.sql"))
{
    var name = Path.GetFileNameWithoutExtension(script);
    var definesPath = Path.ChangeExtension(script, ".defines");
    var defines = File.Exists(definesPath)
        ? File.ReadAllLines(definesPath).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..])
        : [];
    // pgbench commands end with ';' at the end of a line; :sK_N are the variables of statement K.
    var statements = Regex.Split(File.ReadAllText(script), @";\s*\n").Where(s => !string.IsNullOrWhiteSpace(s)).Select(sql =>
    {
        var values = new List<string>();
        var text = Regex.Replace(sql, @":(s\d+_\d+)\b", m =>
        {
            values.Add(defines[m.Groups[1].Value]);
            return "$" + values.Count;
        });
        return new Statement(text, [.. values]);
    }).ToArray();
    var modePath = Path.ChangeExtension(script, ".mode");
    cases[name] = new Case(statements, File.Exists(modePath) && File.ReadAllText(modePath).Trim() == "prepared");
}

app.MapGet("/{name}", async (string name, HttpContext http) =>
{
    if (!cases.TryGetValue(name, out var found)) { http.Response.StatusCode = 404; return; }
    var (statements, prepared) = found;
    await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
    http.Response.ContentType = "application/json";
    await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
    json.WriteStartObject();
    json.WriteStartArray("rows");
    foreach (var statement in statements)
    {
        await using var command = new NpgsqlCommand(statement.Sql, connection);
        // Unknown: sent as text for the server to type, as pgbench -M extended does.
        foreach (var value in statement.Values) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Unknown, Value = value });
        if (prepared) await command.PrepareAsync(http.RequestAborted);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        while (await reader.ReadAsync(http.RequestAborted))
        {
            json.WriteStartArray();
            for (var i = 0; i < reader.FieldCount; i++) Write(json, reader.IsDBNull(i) ? null : reader.GetValue(i));
            json.WriteEndArray();
        }
    }
    json.WriteEndArray();
    json.WriteEndObject();
    await json.FlushAsync(http.RequestAborted);
});

app.Run();

static void Write(Utf8JsonWriter json, object? value)
{
    switch (value)
    {
        case null: json.WriteNullValue(); break;
        case string s: json.WriteStringValue(s); break;
        case bool b: json.WriteBooleanValue(b); break;
        case int n: json.WriteNumberValue(n); break;
        case long n: json.WriteNumberValue(n); break;
        case uint n: json.WriteNumberValue(n); break;
        case double d: json.WriteNumberValue(d); break;
        case float f: json.WriteNumberValue(f); break;
        case decimal m: json.WriteNumberValue(m); break;
        case Guid g: json.WriteStringValue(g); break;
        case DateTime t: json.WriteStringValue(t); break;
        case DateTimeOffset t: json.WriteStringValue(t); break;
        case IEnumerable items:
            json.WriteStartArray();
            foreach (var item in items) Write(json, item);
            json.WriteEndArray();
            break;
        default: json.WriteStringValue(value.ToString()); break;
    }
}

internal sealed record Statement(string Sql, string[] Values);

internal sealed record Case(Statement[] Statements, bool Prepared);
