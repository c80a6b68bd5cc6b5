using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Detection.Cases;

/// <summary>
/// Reads a rule's tests file: <c>rule</c> (the id), optional file-wide <c>context</c>, and <c>positive</c> and
/// <c>negative</c> lists of named events. Malformed files throw <see cref="FormatException"/> naming file:line:column.
/// </summary>
public static class RuleCaseReader
{
    private static readonly IReadOnlySet<string> FileKeys =
        new HashSet<string>(["rule", "context", "positive", "negative"], StringComparer.Ordinal);

    public static RuleCaseFile ReadFile(string path) => Read(path, File.ReadAllText(path));

    public static RuleCaseFile Read(string path, string text)
    {
        var root = Root(path, text);
        var keys = CaseYaml.Keys(path, root, FileKeys);
        if (!keys.TryGetValue("rule", out var ruleNode))
        {
            throw CaseYaml.Error(path, root, "a tests file needs 'rule: <id>'");
        }
        var context = Context(path, keys.GetValueOrDefault("context"));
        var cases = new List<RuleCase>();
        foreach (var (key, positive) in new[] { ("positive", true), ("negative", false) })
        {
            if (!keys.TryGetValue(key, out var list))
            {
                continue;
            }
            foreach (var item in CaseYaml.Sequence(path, list).Children)
            {
                cases.Add(Case(path, item, positive, context));
            }
        }
        return new RuleCaseFile(path, CaseYaml.Scalar(path, ruleNode), cases);
    }

    /// <summary>File-wide context keys (node, namespace, image, ...) applied under each case's own.</summary>
    internal static Dictionary<string, YamlNode>? Context(string path, YamlNode? node) =>
        node is null ? null : CaseYaml.Keys(path, CaseYaml.Mapping(path, node), CaseContext.Keys);

    internal static YamlMappingNode Root(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML: {ex.Message}", ex);
        }
        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"{path}:1:1: expected exactly one YAML document");
        }
        return CaseYaml.Mapping(path, stream.Documents[0].RootNode);
    }

    private static RuleCase Case(string path, YamlNode item, bool positive, Dictionary<string, YamlNode>? context)
    {
        var mapping = CaseYaml.Mapping(path, item);
        var name = mapping.Children.TryGetValue(new YamlScalarNode("name"), out var n)
            ? CaseYaml.Scalar(path, n)
            : throw CaseYaml.Error(path, item, "every case needs a name");
        var location = $"{path}:{item.Start.Line}";
        return new RuleCase(name, positive, EventCaseParser.Parse(path, mapping, context), location);
    }
}
