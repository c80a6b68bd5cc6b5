using System.Text.Json;

namespace Vigil.Grains.Detection.Audit;

/// <summary>A Service's type, the ports it opens and forwards to, and its selector.</summary>
public sealed class ServiceFacts
{
    public string? Type { get; init; }

    /// <summary>Every port and numeric or named targetPort: exposure is about what answers behind the port.</summary>
    public required IReadOnlyList<string> Ports { get; init; }

    /// <summary>The selector as <c>key=value</c> pairs.</summary>
    public required IReadOnlyList<string> Selector { get; init; }

    public static ServiceFacts Read(JsonElement service)
    {
        var spec = Json.Child(service, "spec");
        var ports = new List<string>();
        foreach (var port in Json.Items(spec, "ports"))
        {
            foreach (var key in (ReadOnlySpan<string>)["port", "targetPort"])
            {
                if (Json.Scalar(port, key) is { } value && !ports.Contains(value))
                {
                    ports.Add(value);
                }
            }
        }
        var selector = new List<string>();
        if (Json.Child(spec, "selector") is { ValueKind: JsonValueKind.Object } labels)
        {
            foreach (var label in labels.EnumerateObject())
            {
                if (label.Value.ValueKind == JsonValueKind.String)
                {
                    selector.Add(label.Name + "=" + label.Value.GetString());
                }
            }
        }
        return new ServiceFacts { Type = Json.String(spec, "type"), Ports = ports, Selector = selector };
    }
}
