using System.Text.RegularExpressions;

namespace Vigil.Grains.Tests;

public sealed class RegexTests
{
    [Fact]
    public void Each_pattern_is_compiled_once_at_load_and_never_per_event()
    {
        var compiled = new List<string>();
        Regex Counting(string pattern)
        {
            compiled.Add(pattern);
            return RuleLoader<TestEvent>.DefaultRegexFactory(pattern);
        }
        var yaml = RuleText.Macro("miner_args", "proc.args regex 'stratum\\+tcp://'")
            + RuleText.Rule("r1", "proc.name regex '^xmr' or miner_args")
            + RuleText.Rule("r2", "proc.name regex '^xmr' and miner_args");

        var set = Engine.Load(yaml, Counting);
        Assert.Equal(["^xmr", "stratum\\+tcp://"], compiled.Order(StringComparer.Ordinal));

        var miner = new TestEvent { ProcName = "xmrig", ProcArgs = ["-o", "stratum+tcp://pool:3333"] };
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(2, set.Evaluate(miner, RuleSource.Runtime).Count);
        }
        Assert.Equal(2, compiled.Count);
    }

    [Fact]
    public void Regexes_match_anywhere_unless_anchored()
    {
        Assert.True(Engine.Matches("proc.name regex 'rig'", new TestEvent { ProcName = "xmrig" }));
        Assert.False(Engine.Matches("proc.name regex '^rig'", new TestEvent { ProcName = "xmrig" }));
    }

    [Fact]
    public void The_default_engine_does_not_backtrack()
    {
        var regex = RuleLoader<TestEvent>.DefaultRegexFactory("(a+)+$");

        Assert.Equal(RegexOptions.NonBacktracking, regex.Options & RegexOptions.NonBacktracking);
        Assert.DoesNotMatch(regex, new string('a', 5000) + "!");
    }
}
