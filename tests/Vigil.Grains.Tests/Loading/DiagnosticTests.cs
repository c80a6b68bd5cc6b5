namespace Vigil.Grains.Tests;

/// <summary>One test per diagnostic code, each asserting the code and the exact file:line:column.</summary>
public sealed class DiagnosticTests
{
    private static RuleDiagnostic Single(string yaml, string code)
    {
        var found = Engine.TryLoad(yaml).Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got: {string.Join("; ", Engine.TryLoad(yaml).Diagnostics)}");
        return found[0];
    }

    private static void AssertAt(RuleDiagnostic diagnostic, string yaml, string needle, int occurrence = 1)
    {
        var (line, column) = TextPosition.Of(yaml, needle, occurrence);
        Assert.Equal(new SourceLocation("rules.yaml", line, column), diagnostic.Location);
    }

    [Fact]
    public void VR001_unknown_field_in_a_condition()
    {
        var yaml = RuleText.Rule("r1", "evt.type = execve and proc.nme = bash");

        AssertAt(Single(yaml, DiagnosticCodes.UnknownField), yaml, "proc.nme");
    }

    [Fact]
    public void VR001_unknown_field_in_an_output()
    {
        var yaml = RuleText.Rule("r1", "proc.name = bash", output: "shell %proc.name in %k8s.pod.name.");

        var diagnostic = Single(yaml, DiagnosticCodes.UnknownField);
        AssertAt(diagnostic, yaml, "%k8s.pod.name");
        Assert.Contains("'%k8s.pod.name'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VR002_value_of_the_wrong_type()
    {
        var yaml = RuleText.Rule("r1", "fd.sport = stratum");

        AssertAt(Single(yaml, DiagnosticCodes.TypeMismatch), yaml, "stratum");
    }

    [Fact]
    public void VR002_operator_that_does_not_apply_to_the_field()
    {
        var yaml = RuleText.Rule("r1", "fd.name < 3");

        AssertAt(Single(yaml, DiagnosticCodes.TypeMismatch), yaml, "<");
    }

    [Fact]
    public void VR002_single_valued_operator_given_a_list()
    {
        var yaml = RuleText.Rule("r1", "proc.name = (bash, sh)");

        AssertAt(Single(yaml, DiagnosticCodes.TypeMismatch), yaml, "= (");
    }

    [Fact]
    public void VR002_non_boolean_field_used_as_a_condition()
    {
        var yaml = RuleText.Rule("r1", "evt.type = execve and proc.name");

        AssertAt(Single(yaml, DiagnosticCodes.TypeMismatch), yaml, "proc.name'");
    }

    [Fact]
    public void VR003_unknown_macro()
    {
        var yaml = RuleText.Macro("spawned_process", "evt.type = execve")
            + RuleText.Rule("r1", "spawned_proces and proc.name = bash");

        AssertAt(Single(yaml, DiagnosticCodes.UnknownMacro), yaml, "spawned_proces and");
    }

    [Fact]
    public void VR004_duplicate_rule_id()
    {
        var yaml = RuleText.Rule("r1", "proc.name = a") + RuleText.Rule("r1", "proc.name = b");

        AssertAt(Single(yaml, DiagnosticCodes.Duplicate), yaml, "r1\n    title", occurrence: 2);
    }

    [Fact]
    public void VR004_duplicate_list_and_macro_names()
    {
        var yaml = RuleText.List("shells", "sh") + RuleText.List("shells", "bash")
            + RuleText.Macro("m", "a") + RuleText.Macro("m", "b")
            + RuleText.Rule("r1", "m and proc.name in (shells)");

        var duplicates = Engine.Errors(yaml).Where(d => d.Code == DiagnosticCodes.Duplicate).ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Equal(TextPosition.Of(yaml, "shells", 2).Line, duplicates[0].Location.Line);
        Assert.Equal(TextPosition.Of(yaml, "name: m", 2).Line, duplicates[1].Location.Line);
    }

    [Fact]
    public void VR005_invalid_regex()
    {
        var yaml = RuleText.Rule("r1", "proc.name regex '(unclosed'");

        AssertAt(Single(yaml, DiagnosticCodes.BadRegex), yaml, "''(unclosed");
    }

    [Fact]
    public void VR005_construct_the_non_backtracking_engine_refuses()
    {
        var yaml = RuleText.Rule("r1", @"proc.name regex '(a)\1'");

        Single(yaml, DiagnosticCodes.BadRegex);
    }

    [Fact]
    public void VR006_macro_cycle_is_reported_where_it_closes()
    {
        var yaml = RuleText.Macro("first", "second and proc.name = x")
            + RuleText.Macro("second", "proc.name = y or first")
            + RuleText.Rule("r1", "first");

        var diagnostic = Single(yaml, DiagnosticCodes.Cycle);
        AssertAt(diagnostic, yaml, "first'");
        Assert.Contains("first -> second -> first", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VR006_list_cycle()
    {
        var yaml = RuleText.List("one", "a", "two") + RuleText.List("two", "b", "one") + RuleText.Rule("r1", "proc.name in (one)");

        AssertAt(Single(yaml, DiagnosticCodes.Cycle), yaml, "'one'");
    }

    [Fact]
    public void VR007_syntax_error()
    {
        var yaml = RuleText.Rule("r1", "proc.name in (bash sh)");

        AssertAt(Single(yaml, DiagnosticCodes.SyntaxError), yaml, "sh)");
    }

    [Fact]
    public void VR008_invalid_network()
    {
        var yaml = RuleText.Rule("r1", "fd.sip in_cidr (10.0.0.0/8, 10.0.0.0/33)");

        AssertAt(Single(yaml, DiagnosticCodes.BadAddress), yaml, "10.0.0.0/33");
    }

    [Fact]
    public void VR008_network_with_host_bits_set()
    {
        var yaml = RuleText.Rule("r1", "fd.sip in_cidr (10.1.2.3/8)");

        AssertAt(Single(yaml, DiagnosticCodes.BadAddress), yaml, "10.1.2.3/8");
    }

    [Fact]
    public void VR009_invalid_yaml()
    {
        const string yaml = "- list:\n    name: shells\n    items: [bash, sh\n";

        var diagnostic = Single(yaml, DiagnosticCodes.BadYaml);
        Assert.Equal("rules.yaml", diagnostic.Location.File);
        Assert.InRange(diagnostic.Location.Line, 3, 4);
    }

    [Fact]
    public void VR010_missing_required_key()
    {
        var yaml = RuleText.Rule("r1", "proc.name = a").Replace("    title: Title of r1\n", "", StringComparison.Ordinal);

        var diagnostic = Single(yaml, DiagnosticCodes.MissingOrInvalidKey);
        AssertAt(diagnostic, yaml, "id:");
        Assert.Contains("'title'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VR010_invalid_severity()
    {
        var yaml = RuleText.Rule("r1", "proc.name = a").Replace("severity: High", "severity: Critical", StringComparison.Ordinal);

        AssertAt(Single(yaml, DiagnosticCodes.MissingOrInvalidKey), yaml, "Critical");
    }

    [Fact]
    public void VR011_unknown_key()
    {
        var yaml = RuleText.Rule("r1", "proc.name = a").Replace("enabled:", "enabeld:", StringComparison.Ordinal);

        AssertAt(Single(yaml, DiagnosticCodes.UnknownKey), yaml, "enabeld");
    }

    [Fact]
    public void VR012_invalid_mitre_technique()
    {
        var yaml = RuleText.Rule("r1", "proc.name = a").Replace("T1059.004", "T59", StringComparison.Ordinal);

        AssertAt(Single(yaml, DiagnosticCodes.BadMitreId), yaml, "T59");
    }

    [Fact]
    public void VR013_ancestor_generations_out_of_range()
    {
        var yaml = RuleText.Rule("r1", "ancestor(0, proc.name = nginx)");

        AssertAt(Single(yaml, DiagnosticCodes.BadAncestry), yaml, "0,");
    }

    [Fact]
    public void VR013_ancestor_without_an_ancestry_accessor()
    {
        var catalogue = new FieldCatalogue<TestEvent>().AddString("proc.name", e => e.ProcName);
        var yaml = RuleText.Rule("r1", "ancestor(2, proc.name = nginx)");

        var result = new RuleLoader<TestEvent>(catalogue).Load([new RuleSourceFile("rules.yaml", yaml)]);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.BadAncestry);
        AssertAt(diagnostic, yaml, "ancestor(");
    }

    [Fact]
    public void VR014_unreadable_rule_directory()
    {
        var missing = Path.Combine(Path.GetTempPath(), "vigil-no-such-rules-" + Guid.NewGuid().ToString("N"));

        var result = new RuleLoader<TestEvent>(TestCatalogue.Create()).LoadDirectory(missing);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnreadableFile, diagnostic.Code);
        Assert.Equal(new SourceLocation(missing, 1, 1), diagnostic.Location);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void VR015_unused_macro_and_list_are_warnings_and_the_set_still_loads()
    {
        var yaml = RuleText.List("spare", "x") + RuleText.Macro("leftover", "proc.name = x") + RuleText.Rule("r1", "proc.name = a");

        var result = Engine.TryLoad(yaml);

        Assert.True(result.Succeeded);
        Assert.All(result.Diagnostics, d => Assert.Equal((DiagnosticCodes.Unused, DiagnosticSeverity.Warning), (d.Code, d.Severity)));
        AssertAt(result.Diagnostics[0], yaml, "spare");
        AssertAt(result.Diagnostics[1], yaml, "leftover");
    }
}
