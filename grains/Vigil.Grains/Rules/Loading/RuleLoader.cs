using System.Text.RegularExpressions;

namespace Vigil.Grains.Rules;

/// <summary>
/// The load pipeline: read → parse YAML → resolve lists and macros → compile conditions and outputs → validate.
/// Every stage runs even after errors, so a single load reports everything wrong with a set; the result holds a
/// rule set only when no error was found.
/// </summary>
public sealed class RuleLoader<TEvent>(FieldCatalogue<TEvent> catalogue, Func<string, Regex>? regexFactory = null)
{
    /// <summary>
    /// Non-backtracking, so a crafted command line cannot make a regex rule take unbounded time; the price is no
    /// backreferences or lookarounds, which are reported as VR005.
    /// </summary>
    public static Regex DefaultRegexFactory(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private readonly Func<string, Regex> _regexFactory = regexFactory ?? DefaultRegexFactory;

    /// <summary>Loads every <c>*.yaml</c> and <c>*.yml</c> file under a directory except <c>*.tests.yaml</c>.</summary>
    public RuleLoadResult<TEvent> LoadDirectory(string directory)
    {
        var diagnostics = new DiagnosticBag();
        var files = RuleFileReader.ReadDirectory(directory, diagnostics);
        return Load(files, diagnostics);
    }

    /// <summary>
    /// Loads named files and directories as one set (lists and macros are global to it); tests files are skipped
    /// even when named, so a shell glob over a rule directory loads what the directory would.
    /// </summary>
    public RuleLoadResult<TEvent> LoadPaths(IEnumerable<string> paths)
    {
        var diagnostics = new DiagnosticBag();
        var files = RuleFileReader.ReadPaths(paths, diagnostics);
        return Load(files, diagnostics);
    }

    public RuleLoadResult<TEvent> Load(IEnumerable<RuleSourceFile> files) => Load(files, new DiagnosticBag());

    private RuleLoadResult<TEvent> Load(IEnumerable<RuleSourceFile> files, DiagnosticBag diagnostics)
    {
        var parsed = new ParsedRuleFiles();
        var parser = new RuleFileParser(diagnostics);
        foreach (var file in files)
        {
            parser.Parse(file, parsed);
        }

        var lists = ListResolver.Resolve(parsed.Lists, diagnostics);
        var macros = new Dictionary<string, MacroDefinition>(StringComparer.Ordinal);
        foreach (var macro in parsed.Macros)
        {
            if (!macros.TryAdd(macro.Name, macro))
            {
                diagnostics.Error(DiagnosticCodes.Duplicate, macro.Location,
                    $"macro '{macro.Name}' is already defined at {macros[macro.Name].Location}");
            }
        }

        var compiler = new ConditionCompiler<TEvent>(catalogue, lists, macros, _regexFactory, diagnostics);
        compiler.CompileAllMacros();
        var rules = CompileRules(parsed.Rules, compiler, diagnostics);

        Validate(parsed, compiler, diagnostics);
        var ordered = diagnostics.Items
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();
        return new RuleLoadResult<TEvent>(
            diagnostics.HasErrors ? null : new RuleSet<TEvent>(rules, catalogue.EventTypeAccessor), ordered)
        {
            Counts = new RuleSetCounts(parsed.Rules.Count, parsed.Lists.Count, parsed.Macros.Count),
        };
    }

    private List<CompiledRule<TEvent>> CompileRules(
        List<RuleDraft> drafts, ConditionCompiler<TEvent> compiler, DiagnosticBag diagnostics)
    {
        var rules = new List<CompiledRule<TEvent>>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            var metadata = draft.Metadata;
            if (!seen.TryAdd(metadata.Id, metadata.Location))
            {
                diagnostics.Error(DiagnosticCodes.Duplicate, metadata.Location,
                    $"rule id '{metadata.Id}' is already used at {seen[metadata.Id]}");
            }
            var fieldUses = new List<FieldUse>();
            var condition = compiler.Compile(draft.Condition, fieldUses);
            var output = OutputTemplate<TEvent>.Compile(draft.Output.Text, catalogue, draft.Output.Locate, diagnostics, fieldUses);
            CheckSources(metadata, fieldUses, diagnostics);
            if (condition.Predicate is { } predicate && output is not null)
            {
                rules.Add(new CompiledRule<TEvent>(metadata, predicate, output, condition.EventTypes, rules.Count));
            }
        }
        return rules;
    }

    /// <summary>
    /// A field of another source is always absent from this rule's events, so the rule (or its output) could never
    /// work as written; without this check such a rule loads and silently never fires.
    /// </summary>
    private void CheckSources(RuleMetadata rule, List<FieldUse> fieldUses, DiagnosticBag diagnostics)
    {
        foreach (var use in fieldUses)
        {
            if (catalogue.SourceOf(use.Field) is { } only && only != rule.Source)
            {
                var via = use.Macro is null ? "" : $" through macro '{use.Macro}'";
                diagnostics.Error(DiagnosticCodes.WrongSourceField, use.Location,
                    $"rule '{rule.Id}' has source {Name(rule.Source)} but names {Name(only)} field '{use.Field}'{via}, "
                    + $"which its events never carry");
            }
        }
    }

    private static string Name(RuleSource source) => source.ToString().ToLowerInvariant();

    /// <summary>Checks over the whole set; unused lists and macros are warnings, usually left over from an edit.</summary>
    private static void Validate(ParsedRuleFiles parsed, ConditionCompiler<TEvent> compiler, DiagnosticBag diagnostics)
    {
        var listsUsedByLists = parsed.Lists.SelectMany(l => l.Items).Select(i => i.Item).ToHashSet(StringComparer.Ordinal);
        foreach (var list in parsed.Lists)
        {
            if (!compiler.UsedLists.Contains(list.Name) && !listsUsedByLists.Contains(list.Name))
            {
                diagnostics.Warning(DiagnosticCodes.Unused, list.Location, $"list '{list.Name}' is not used by any condition");
            }
        }
        foreach (var macro in parsed.Macros)
        {
            if (!compiler.UsedMacros.Contains(macro.Name))
            {
                diagnostics.Warning(DiagnosticCodes.Unused, macro.Location, $"macro '{macro.Name}' is not used by any condition");
            }
        }
    }
}
