using Vigil.Grains.Detection;

namespace Vigil.Grains.Tests;

/// <summary>
/// VR016: a rule may name only fields its own source's events carry, checked against the real catalogue, where the
/// runtime and audit fields are registered per source and cluster.name belongs to both.
/// </summary>
public sealed class SourceFieldTests
{
    private static RuleLoadResult<DetectionEvent> Load(string yaml) =>
        new RuleLoader<DetectionEvent>(DetectionFields.Create()).Load([new RuleSourceFile("rules.yaml", yaml)]);

    private static List<RuleDiagnostic> WrongSource(RuleLoadResult<DetectionEvent> load) =>
        [.. load.Diagnostics.Where(d => d.Code == DiagnosticCodes.WrongSourceField)];

    private static void AssertAt(RuleDiagnostic diagnostic, string yaml, string needle)
    {
        var (line, column) = TextPosition.Of(yaml, needle);
        Assert.Equal(new SourceLocation("rules.yaml", line, column), diagnostic.Location);
    }

    [Fact]
    public void A_runtime_rule_naming_an_audit_field_is_an_error_at_the_field()
    {
        var yaml = RuleText.Rule("r1", "evt.type = exec and ka.verb = get");

        var load = Load(yaml);

        var diagnostic = Assert.Single(WrongSource(load));
        Assert.False(load.Succeeded);
        Assert.True(diagnostic.IsError);
        AssertAt(diagnostic, yaml, "ka.verb");
        Assert.Equal("rule 'r1' has source runtime but names audit field 'ka.verb', which its events never carry", diagnostic.Message);
    }

    [Fact]
    public void An_audit_rule_naming_a_runtime_field_in_its_condition_or_output_is_an_error_at_each()
    {
        var yaml = RuleText.Rule("r1", "ka.verb = list and proc.name exists", source: "audit", output: "by %ka.user.name in %container.id");

        var found = WrongSource(Load(yaml));

        Assert.Equal(2, found.Count);
        AssertAt(found[0], yaml, "proc.name exists");
        AssertAt(found[1], yaml, "%container.id");
    }

    [Fact]
    public void A_field_reached_through_a_macro_is_reported_in_the_macro_for_the_rule_of_the_wrong_source_only()
    {
        var yaml = RuleText.Macro("in_container", "container.id exists")
            + RuleText.Rule("good", "evt.type = exec and in_container")
            + RuleText.Rule("bad", "ka.verb = get and in_container", source: "audit", output: "%ka.verb");

        var diagnostic = Assert.Single(WrongSource(Load(yaml)));

        AssertAt(diagnostic, yaml, "container.id");
        Assert.Contains("rule 'bad'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("through macro 'in_container'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_under_ancestor_is_checked_too()
    {
        var yaml = RuleText.Rule("r1", "evt.type = exec and ancestor(2, ka.user.name = admin)");

        AssertAt(Assert.Single(WrongSource(Load(yaml))), yaml, "ka.user.name");
    }

    [Fact]
    public void A_field_of_every_source_and_fields_of_the_rules_own_source_load()
    {
        var yaml = RuleText.Rule("rt", "evt.type = exec and cluster.name = prod and proc.name = sh", output: "%proc.name on %cluster.name")
            + RuleText.Rule("au", "ka.verb = get and cluster.name = prod", source: "audit", output: "%ka.verb on %cluster.name");

        var load = Load(yaml);

        Assert.True(load.Succeeded, string.Join('\n', load.Diagnostics));
        Assert.Empty(load.Diagnostics);
    }

    [Fact]
    public void A_rule_of_a_source_with_no_fields_of_its_own_may_name_only_shared_fields()
    {
        var yaml = RuleText.Rule("adm", "cluster.name = prod and proc.name = sh", source: "admission", output: "%cluster.name");

        Assert.Contains("runtime field 'proc.name'", Assert.Single(WrongSource(Load(yaml))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_knows_each_fields_source()
    {
        var catalogue = DetectionFields.Create();

        Assert.Equal(RuleSource.Runtime, catalogue.SourceOf("proc.name"));
        Assert.Equal(RuleSource.Audit, catalogue.SourceOf("ka.verb"));
        Assert.Null(catalogue.SourceOf("cluster.name"));
        Assert.Equal(RuleSource.Runtime, catalogue.SourceOf("fd.name"));
        Assert.All(catalogue.Fields, f => Assert.True(
            f.Name == "cluster.name" || catalogue.SourceOf(f.Name) is not null, $"{f.Name} belongs to no source"));
    }

    [Fact]
    public void Source_scopes_do_not_nest()
    {
        var catalogue = new FieldCatalogue<TestEvent>();

        Assert.Throws<InvalidOperationException>(() =>
            catalogue.ForSource(RuleSource.Runtime, c => c.ForSource(RuleSource.Audit, inner => inner)));
        Assert.Equal(RuleSource.Runtime, catalogue.ForSource(RuleSource.Runtime, c => c.AddString("x", _ => null)).SourceOf("x"));
        Assert.Null(catalogue.AddString("y", _ => null).SourceOf("y"));
    }
}
