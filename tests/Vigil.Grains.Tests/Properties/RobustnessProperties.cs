using FsCheck;
using FsCheck.Fluent;

namespace Vigil.Grains.Tests;

/// <summary>Rule files come from operators and ConfigMaps: no input may make the loader throw.</summary>
public sealed class RobustnessProperties
{
    private static readonly string[] Fragments =
    [
        "proc.name", "fd.sip", "fd.sport", "proc.args", "a", "not", "and", "or", "(", ")", ",", "=", "!=", "<", ">=",
        "in", "contains", "glob", "regex", "in_cidr", "exists", "ancestor(", "2,", "'x'", "\"", "'", "10.0.0.0/8",
        "3333", "[", "*", "\\", "m", "l",
    ];

    [Fact]
    public void Any_condition_text_loads_or_reports_an_error_without_throwing()
    {
        var preamble = RuleText.List("l", "sh") + RuleText.Macro("m", "proc.name in (l)");
        var conditions = Gen.Elements(Fragments).ArrayOf().Select(parts => string.Join(' ', parts));

        Prop.ForAll(conditions.ToArbitrary(), condition =>
        {
            var result = Engine.TryLoad(preamble + RuleText.Rule("r1", condition));
            return result.Succeeded || result.Diagnostics.Any(d => d.IsError);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_single_insertion_into_a_valid_file_loads_or_reports_a_coded_error()
    {
        // Exhaustive rather than random, so the test cannot pass by luck: every position, every insertion.
        var valid = RuleText.Rule("r1", "proc.name = sh");
        string[] inserts = [":", "-", "[", "]", "{", "'", "\"", "\t", "&a ", "*a", "*b", "\n  ", "!!str ", "? ", "|", "%"];

        for (var cut = 0; cut <= valid.Length; cut++)
        {
            foreach (var insert in inserts)
            {
                var text = valid[..cut] + insert + valid[cut..];
                var result = Engine.TryLoad(text);
                Assert.True(result.Succeeded || result.Diagnostics.Any(d => d.IsError && d.Location.Line >= 1),
                    $"'{insert}' at {cut} neither loaded nor reported an error");
            }
        }
    }

    [Fact]
    public void Deeply_nested_yaml_is_refused_instead_of_overflowing_the_stack()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);

        var diagnostic = Assert.Single(Engine.Errors(text));

        Assert.Equal((DiagnosticCodes.BadYaml, 1, 33), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Yaml_the_scanner_rejects_without_a_position_is_still_a_coded_error()
    {
        // The case the property above found: YamlDotNet throws InvalidOperationException rather than YamlException.
        var valid = RuleText.Rule("r1", "proc.name = sh");
        var text = valid[..192] + "[" + valid[192..];

        var diagnostic = Assert.Single(Engine.Errors(text));

        Assert.Equal((DiagnosticCodes.BadYaml, 1, 1), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_duplicate_key_in_an_entry_is_a_coded_error()
    {
        var yaml = RuleText.Rule("r1", "proc.name = sh").Replace("    output:", "    title: again\n    output:", StringComparison.Ordinal);

        var errors = Engine.Errors(yaml);

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("VR", e.Code, StringComparison.Ordinal));
    }
}
