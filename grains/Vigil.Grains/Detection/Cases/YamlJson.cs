using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Detection.Cases;

/// <summary>
/// Writes a YAML node as the JSON the API server would have logged: an audit case's <c>request</c> is written in
/// YAML for readability and reaches the rules as the same UTF-8 JSON bytes an ingester produces. Plain scalars
/// that read as booleans, null or integers become those; quoted scalars stay strings (<c>'true'</c>, <c>"80"</c>).
/// </summary>
internal static class YamlJson
{
    public static byte[] ToUtf8(string path, YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(path, node, writer);
        }
        return buffer.ToArray();
    }

    private static void Write(string path, YamlNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName(CaseYaml.Scalar(path, key));
                    Write(path, value, writer);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(path, item, writer);
                }
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(scalar, writer);
                break;
            default:
                throw CaseYaml.Error(path, node, "expected a mapping, a list or a value");
        }
    }

    private static void WriteScalar(YamlScalarNode scalar, Utf8JsonWriter writer)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            writer.WriteStringValue(text);
            return;
        }
        switch (text)
        {
            case "true": writer.WriteBooleanValue(true); return;
            case "false": writer.WriteBooleanValue(false); return;
            case "null" or "~" or "": writer.WriteNullValue(); return;
            default: break;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
            return;
        }
        writer.WriteStringValue(text);
    }
}
