namespace Vigil.Grains.Rules;

internal sealed partial class RuleFileParser
{
    private void ParseRule(MappingReader reader, ParsedRuleFiles into)
    {
        var id = reader.String("id", required: true);
        if (id is not null && !RuleIdPattern().IsMatch(id))
        {
            // Ids name the rule's tests file (<id>.tests.yaml), so they must be safe as file names.
            reader.Invalid(reader.LocationOf("id"), $"rule id '{id}' may hold only letters, digits, '.', '_' and '-'");
            id = null;
        }
        var title = reader.String("title", required: true);
        var description = reader.String("description", required: true);
        var severity = Enumerated<Severity>(reader, "severity");
        var source = Enumerated<RuleSource>(reader, "source");
        var tactic = Mitre(reader, "tactic", TacticPattern(), "a tactic id such as TA0002");
        var technique = Mitre(reader, "technique", TechniquePattern(), "a technique id such as T1059 or T1059.004");
        var condition = reader.Located("condition");
        var output = reader.Located("output");
        var tags = reader.Sequence("tags", required: false);
        var enabled = reader.Boolean("enabled", fallback: true);
        if (id is null || title is null || description is null || severity is null || source is null || tactic is null
            || technique is null || condition is null || output is null || tags is null || enabled is null)
        {
            return;
        }
        var metadata = new RuleMetadata(id, title, description, severity.Value, tactic, technique, source.Value,
            [.. tags.Select(t => t.Value)], enabled.Value, reader.LocationOf("id"));
        into.Rules.Add(new RuleDraft(metadata, condition, output));
    }

    private static T? Enumerated<T>(MappingReader reader, string key)
        where T : struct, Enum
    {
        var text = reader.String(key, required: true);
        if (text is null)
        {
            return null;
        }
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }
        reader.Invalid(reader.LocationOf(key),
            $"'{key}' must be one of {string.Join(", ", Enum.GetNames<T>())}, not '{text}'");
        return null;
    }

    private string? Mitre(MappingReader reader, string key, System.Text.RegularExpressions.Regex pattern, string expected)
    {
        var text = reader.String(key, required: true);
        if (text is null || pattern.IsMatch(text))
        {
            return text;
        }
        diagnostics.Error(DiagnosticCodes.BadMitreId, reader.LocationOf(key), $"'{text}' is not {expected}");
        return null;
    }
}
