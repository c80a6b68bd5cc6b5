using System.Text.Encodings.Web;
using System.Text.Json;
using Vigil.Grains.Rules;

namespace Vigil.Cli;

/// <summary>
/// <c>--format json</c>: one object with the counts and every diagnostic, for CI tools that annotate pull requests.
/// Written field by field so the shape is explicit here rather than implied by a serialised type.
/// </summary>
public static class DiagnosticJson
{
    public static string Format<TEvent>(RuleLoadResult<TEvent> load, CommandPaths paths)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(paths);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("rules", load.Counts.Rules);
            json.WriteNumber("lists", load.Counts.Lists);
            json.WriteNumber("macros", load.Counts.Macros);
            json.WriteNumber("errors", load.Diagnostics.Count(d => d.IsError));
            json.WriteNumber("warnings", load.Diagnostics.Count(d => !d.IsError));
            json.WriteStartArray("diagnostics");
            foreach (var d in load.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("file", paths.Display(d.Location.File));
                json.WriteNumber("line", d.Location.Line);
                json.WriteNumber("column", d.Location.Column);
                json.WriteString("severity", DiagnosticText.Severity(d));
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
