using System.Collections.Frozen;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Rules;

/// <summary>
/// The parse stage: YAML text to rule, list and macro definitions. A file is one or more YAML documents, each a
/// sequence of entries (or a single entry); an entry is a mapping with exactly one key, <c>rule</c>, <c>list</c>
/// or <c>macro</c>, whose value holds that entry's fields.
/// </summary>
internal sealed partial class RuleFileParser(DiagnosticBag diagnostics)
{
    /// <summary>Rule files need four levels; the rest is headroom.</summary>
    private const int MaxNesting = 32;

    private static readonly FrozenSet<string> RuleKeys = FrozenSet.ToFrozenSet(
        ["id", "title", "description", "severity", "tactic", "technique", "source", "condition", "output", "tags", "enabled"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> ListKeys = FrozenSet.ToFrozenSet(["name", "items"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> MacroKeys = FrozenSet.ToFrozenSet(["name", "condition"], StringComparer.Ordinal);

    public void Parse(RuleSourceFile file, ParsedRuleFiles into)
    {
        var source = new SourceText(file.Path, file.Text);
        var stream = new YamlStream();
        try
        {
            if (!WithinNestingLimit(source))
            {
                return;
            }
            stream.Load(new StringReader(file.Text));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(DiagnosticCodes.BadYaml, source.Locate(ex.Start.Index), $"not valid YAML: {ex.Message}");
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's representation model throws these, without a position, on some malformed input (an
            // alias to no anchor, for one); property tests found them.
            diagnostics.Error(DiagnosticCodes.BadYaml, source.Locate(0), $"not valid YAML: {ex.Message}");
            return;
        }
        foreach (var document in stream.Documents)
        {
            switch (document.RootNode)
            {
                case YamlSequenceNode entries:
                    foreach (var entry in entries.Children)
                    {
                        ParseEntry(source, entry, into);
                    }
                    break;
                case YamlMappingNode entry:
                    ParseEntry(source, entry, into);
                    break;
                case YamlScalarNode { Value: null or "" }:
                    break;
                default:
                    diagnostics.Error(DiagnosticCodes.BadYaml, source.Locate(document.RootNode.Start.Index),
                        "a rule file holds a list of rule, list and macro entries");
                    break;
            }
        }
    }

    private void ParseEntry(SourceText source, YamlNode node, ParsedRuleFiles into)
    {
        var location = source.Locate(node.Start.Index);
        if (node is not YamlMappingNode { Children.Count: 1 } entry
            || entry.Children.First() is not (YamlScalarNode { Value: { } kind }, var body))
        {
            diagnostics.Error(DiagnosticCodes.MissingOrInvalidKey, location,
                "an entry must be a mapping with exactly one key: rule, list or macro");
            return;
        }
        if (kind is not ("rule" or "list" or "macro"))
        {
            diagnostics.Error(DiagnosticCodes.UnknownKey, location, $"unknown entry kind '{kind}' (expected rule, list or macro)");
            return;
        }
        if (body is not YamlMappingNode fields)
        {
            diagnostics.Error(DiagnosticCodes.MissingOrInvalidKey, source.Locate(body.Start.Index),
                $"the value of '{kind}' must be a mapping of its fields");
            return;
        }
        switch (kind)
        {
            case "rule":
                ParseRule(new MappingReader(source, fields, "rule", RuleKeys, diagnostics), into);
                break;
            case "list":
                ParseList(new MappingReader(source, fields, "list", ListKeys, diagnostics), into);
                break;
            default:
                ParseMacro(new MappingReader(source, fields, "macro", MacroKeys, diagnostics), into);
                break;
        }
    }

    private static void ParseList(MappingReader reader, ParsedRuleFiles into)
    {
        var name = reader.String("name", required: true);
        var items = reader.Sequence("items", required: true);
        if (name is not null && items is not null)
        {
            into.Lists.Add(new ListDefinition(name, items, reader.LocationOf("name")));
        }
    }

    private static void ParseMacro(MappingReader reader, ParsedRuleFiles into)
    {
        var name = reader.String("name", required: true);
        var condition = reader.Located("condition");
        if (name is not null && condition is not null)
        {
            into.Macros.Add(new MacroDefinition(name, condition, reader.LocationOf("name")));
        }
    }

    /// <summary>
    /// YamlDotNet builds its node tree recursively, so a file of 100,000 nested brackets overflows the stack and
    /// kills the process. Its event parser is iterative: one pass over the events bounds the depth first.
    /// </summary>
    private bool WithinNestingLimit(SourceText source)
    {
        var parser = new Parser(new StringReader(source.Text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++depth > MaxNesting:
                    diagnostics.Error(DiagnosticCodes.BadYaml, source.Locate(parser.Current!.Start.Index),
                        $"YAML nests deeper than {MaxNesting} levels");
                    return false;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex(@"^TA[0-9]{4}$")]
    private static partial Regex TacticPattern();

    [GeneratedRegex(@"^T[0-9]{4}(\.[0-9]{3})?$")]
    private static partial Regex TechniquePattern();
}
