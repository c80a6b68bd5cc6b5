namespace Vigil.Grains.Tests;

public sealed class RuleSetHolderTests
{
    private static RuleSetHolder<TestEvent> NewHolder() => new(new RuleLoader<TestEvent>(TestCatalogue.Create()));

    private static RuleSourceFile File(string yaml) => new("rules.yaml", yaml);

    [Fact]
    public void Starts_empty()
    {
        var holder = NewHolder();

        Assert.Empty(holder.Current.Rules);
        Assert.Equal(0, holder.Generation);
    }

    [Fact]
    public void A_set_that_compiles_is_swapped_in()
    {
        var holder = NewHolder();

        var result = holder.Reload([File(RuleText.Rule("r1", "proc.name = sh"))]);

        Assert.True(result.Swapped);
        Assert.Same(result.Current, holder.Current);
        Assert.Equal(1, holder.Generation);
        Assert.Single(holder.Current.Evaluate(new TestEvent { ProcName = "sh" }, RuleSource.Runtime));
    }

    [Fact]
    public void A_set_with_any_error_leaves_the_old_set_in_force_and_reports_why()
    {
        var holder = NewHolder();
        holder.Reload([File(RuleText.Rule("r1", "proc.name = sh"))]);
        var before = holder.Current;

        // One good rule and one bad one: the good one must not be swapped in on its own.
        var result = holder.Reload([File(RuleText.Rule("r1", "proc.name = bash") + RuleText.Rule("r2", "proc.nam = x"))]);

        Assert.False(result.Swapped);
        Assert.Same(before, holder.Current);
        Assert.Same(before, result.Current);
        Assert.Equal(1, holder.Generation);
        Assert.Equal(DiagnosticCodes.UnknownField, Assert.Single(result.Diagnostics).Code);
        Assert.Single(holder.Current.Evaluate(new TestEvent { ProcName = "sh" }, RuleSource.Runtime));
        Assert.Empty(holder.Current.Evaluate(new TestEvent { ProcName = "bash" }, RuleSource.Runtime));
    }

    [Fact]
    public void Warnings_do_not_block_a_swap()
    {
        var holder = NewHolder();

        var result = holder.Reload([File(RuleText.Macro("unused", "proc.name = x") + RuleText.Rule("r1", "proc.name = sh"))]);

        Assert.True(result.Swapped);
        Assert.Equal(DiagnosticCodes.Unused, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task Readers_always_see_one_whole_set_while_reloads_swap()
    {
        // Each set has rules a and b that both match or both do not: a reader that saw half of one set and half
        // of another would see exactly one of them match.
        var holder = NewHolder();
        string SetOf(string name) => RuleText.Rule("a", $"proc.name = {name}") + RuleText.Rule("b", $"proc.name = {name}");
        holder.Reload([File(SetOf("sh"))]);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var torn = 0;
            var probe = new TestEvent { ProcName = "sh" };
            while (!stop.IsCancellationRequested)
            {
                var count = holder.Current.Evaluate(probe, RuleSource.Runtime).Count;
                torn += count == 1 ? 1 : 0;
            }
            return torn;
        });

        for (var i = 0; i < 200; i++)
        {
            Assert.True(holder.Reload([File(SetOf(i % 2 == 0 ? "bash" : "sh"))]).Swapped);
        }
        await stop.CancelAsync();

        Assert.Equal(0, await reader.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(201, holder.Generation);
    }
}
