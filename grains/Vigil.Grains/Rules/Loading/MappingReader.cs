using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Rules;

/// <summary>
/// Reads one YAML mapping against the keys it may hold. Unknown keys are errors, not noise: a misspelt
/// <c>enabeld: false</c> must not silently leave a rule on.
/// </summary>
internal sealed class MappingReader
{
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public MappingReader(SourceText source, YamlMappingNode mapping, string kind, IReadOnlySet<string> allowed, DiagnosticBag diagnostics)
    {
        _source = source;
        _diagnostics = diagnostics;
        Kind = kind;
        Location = source.Locate(mapping.Start.Index);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
            {
                diagnostics.Error(DiagnosticCodes.UnknownKey, source.Locate(keyNode.Start.Index),
                    $"unknown key '{key}' in {kind} (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})");
                continue;
            }
            _values[key] = value;
        }
    }

    public string Kind { get; }

    public SourceLocation Location { get; }

    public SourceLocation LocationOf(string key) =>
        _values.TryGetValue(key, out var node) ? _source.Locate(node.Start.Index) : Location;

    public YamlScalarNode? Scalar(string key, bool required)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            if (required)
            {
                Invalid(Location, $"{Kind} is missing required key '{key}'");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { Length: > 0 } } scalar)
        {
            return scalar;
        }
        Invalid(_source.Locate(node.Start.Index), $"'{key}' must be a non-empty string");
        return null;
    }

    public string? String(string key, bool required) => Scalar(key, required)?.Value;

    public LocatedText? Located(string key) =>
        Scalar(key, required: true) is { } scalar ? ScalarPositions.Map(_source, scalar) : null;

    public List<(string Value, SourceLocation Location)>? Sequence(string key, bool required)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            if (required)
            {
                Invalid(Location, $"{Kind} is missing required key '{key}'");
            }
            return required ? null : [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            Invalid(_source.Locate(node.Start.Index), $"'{key}' must be a list of strings");
            return null;
        }
        var items = new List<(string, SourceLocation)>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } text })
            {
                items.Add((text, _source.Locate(item.Start.Index)));
            }
            else
            {
                Invalid(_source.Locate(item.Start.Index), $"every item of '{key}' must be a string");
            }
        }
        return items;
    }

    public bool? Boolean(string key, bool fallback)
    {
        if (Scalar(key, required: false) is not { } scalar)
        {
            return _values.ContainsKey(key) ? null : fallback;
        }
        if (bool.TryParse(scalar.Value, out var value))
        {
            return value;
        }
        Invalid(_source.Locate(scalar.Start.Index), $"'{key}' must be true or false, not '{scalar.Value}'");
        return null;
    }

    public void Invalid(SourceLocation location, string message) =>
        _diagnostics.Error(DiagnosticCodes.MissingOrInvalidKey, location, message);
}
