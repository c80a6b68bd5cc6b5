using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Detection.Cases;

/// <summary>Small accessors over YamlDotNet's node model that fail with file:line:column, as rule loading does.</summary>
internal static class CaseYaml
{
    public static FormatException Error(string path, YamlNode node, string message) =>
        new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}");

    public static Dictionary<string, YamlNode> Keys(string path, YamlMappingNode mapping, IReadOnlySet<string> allowed)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = Scalar(path, key);
            if (!allowed.Contains(name))
            {
                throw Error(path, key, $"unknown key '{name}' (expected one of: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})");
            }
            if (!keys.TryAdd(name, value))
            {
                throw Error(path, key, $"duplicate key '{name}'");
            }
        }
        return keys;
    }

    public static string Scalar(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(path, node, "expected a single value");

    public static YamlMappingNode Mapping(string path, YamlNode node) =>
        node as YamlMappingNode ?? throw Error(path, node, "expected a mapping");

    public static YamlSequenceNode Sequence(string path, YamlNode node) =>
        node as YamlSequenceNode ?? throw Error(path, node, "expected a list");

    public static long Integer(string path, YamlNode node) =>
        long.TryParse(Scalar(path, node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(path, node, "expected an integer");

    public static bool Boolean(string path, YamlNode node) => Scalar(path, node) switch
    {
        "true" => true,
        "false" => false,
        _ => throw Error(path, node, "expected true or false"),
    };

    /// <summary>A list written as a YAML sequence, or as one string split at white space (<c>args: -c id</c>).</summary>
    public static List<string> Words(string path, YamlNode node) => node is YamlSequenceNode sequence
        ? [.. sequence.Children.Select(n => Scalar(path, n))]
        : [.. Scalar(path, node).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)];
}
