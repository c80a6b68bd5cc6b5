namespace Vigil.Grains.Tests;

public sealed class LoadPipelineTests
{
    [Fact]
    public void Every_error_of_every_file_is_reported_in_one_load()
    {
        var first = RuleText.Rule("r1", "proc.nme = a") + RuleText.Rule("r2", "fd.sport = x");
        var second = RuleText.Rule("r3", "proc.name in (a") + RuleText.Rule("r1", "proc.name = b");

        var result = new RuleLoader<TestEvent>(TestCatalogue.Create()).Load([
            new RuleSourceFile("b.yaml", second),
            new RuleSourceFile("a.yaml", first),
        ]);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [("a.yaml", "VR004"), ("a.yaml", "VR001"), ("a.yaml", "VR002"), ("b.yaml", "VR007")],
            result.Diagnostics.Select(d => (d.Location.File, d.Code)));
    }

    [Fact]
    public void Positions_inside_a_block_scalar_condition_point_at_the_right_line()
    {
        const string yaml = """
            - rule:
                id: r1
                title: t
                description: d
                severity: Low
                tactic: TA0007
                technique: T1046
                source: runtime
                output: scan by %proc.name
                condition: |
                  evt.type = execve
                  and proc.nam in (nmap, masscan)
            """;

        var diagnostic = Assert.Single(Engine.Errors(yaml));

        Assert.Equal(DiagnosticCodes.UnknownField, diagnostic.Code);
        Assert.Equal(new SourceLocation("rules.yaml", 12, 11), diagnostic.Location);
    }

    [Fact]
    public void A_file_may_hold_several_yaml_documents_and_single_entries()
    {
        var yaml = RuleText.Rule("r1", "proc.name = a") + "---\n" + RuleText.Rule("r2", "proc.name = b").TrimStart('-', ' ')
            .Replace("\n  ", "\n", StringComparison.Ordinal);

        var set = Engine.Load(yaml);

        Assert.Equal(["r1", "r2"], set.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Rule_metadata_is_carried_through()
    {
        var yaml = RuleText.Rule("vigil.rt.web-shell", "proc.name = sh", source: "audit", enabled: false)
            .Replace("enabled: false", "enabled: false\n    tags: [maturity_stable, container]", StringComparison.Ordinal);

        var rule = Engine.Load(yaml).Rules.Single().Metadata;

        Assert.Equal(("vigil.rt.web-shell", "Title of vigil.rt.web-shell", Severity.High, "TA0002", "T1059.004", RuleSource.Audit, false),
            (rule.Id, rule.Title, rule.Severity, rule.Tactic, rule.Technique, rule.Source, rule.Enabled));
        Assert.Equal(["maturity_stable", "container"], rule.Tags);
        Assert.Equal(new SourceLocation("rules.yaml", 2, 9), rule.Location);
    }

    [Fact]
    public void Load_directory_reads_rule_files_and_skips_tests_files()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-rules-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "b.yaml"), RuleText.Rule("b", "proc.name = b"));
            Directory.CreateDirectory(Path.Combine(directory.FullName, "nested"));
            File.WriteAllText(Path.Combine(directory.FullName, "nested", "a.yml"), RuleText.Rule("a", "proc.name = a"));
            File.WriteAllText(Path.Combine(directory.FullName, "b.tests.yaml"), "not: [a rule file");

            var result = new RuleLoader<TestEvent>(TestCatalogue.Create()).LoadDirectory(directory.FullName);

            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            Assert.Equal(["b", "a"], result.RuleSet!.Rules.Select(r => r.Id));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
