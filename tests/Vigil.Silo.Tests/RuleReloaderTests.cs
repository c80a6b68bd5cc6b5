using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Grains.Detection;
using Vigil.Grains.Rules;

namespace Vigil.Silo.Tests;

/// <summary>The silo's rule directory reloads on change, and a broken edit leaves the working set in force.</summary>
public sealed class RuleReloaderTests : IDisposable
{
    private const string Rule = """
        - rule:
            id: test.shell
            title: Shell
            description: a shell ran
            severity: Low
            tactic: TA0002
            technique: T1059
            source: runtime
            condition: evt.type = exec and proc.name = sh
            output: "%proc.cmdline"
        """;

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("vigil-rules-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_edit_is_swapped_in_and_a_broken_edit_is_refused_with_its_diagnostics()
    {
        File.WriteAllText(Path.Combine(_directory, "shell.yaml"), Rule);
        var holder = new RuleSetHolder<DetectionEvent>(new RuleLoader<DetectionEvent>(DetectionFields.Create()));
        Assert.True(holder.ReloadDirectory(_directory).Swapped);
        using var reloader = new RuleReloader(
            holder, Options.Create(new SiloOptions { RulesDirectory = _directory }), TimeProvider.System, NullLogger<RuleReloader>.Instance);
        await reloader.StartAsync(TestContext.Current.CancellationToken);

        var added = NextReload(reloader);
        File.WriteAllText(Path.Combine(_directory, "bash.yaml"), Rule.Replace("test.shell", "test.bash").Replace("= sh", "= bash"));
        var swapped = await added.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(swapped.Swapped);
        Assert.Equal(["test.bash", "test.shell"], holder.Current.Rules.Select(r => r.Id).Order(StringComparer.Ordinal));

        var broken = NextReload(reloader);
        File.WriteAllText(Path.Combine(_directory, "bash.yaml"), Rule.Replace("test.shell", "test.bash").Replace("proc.name", "proc.nmae"));
        var refused = await broken.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.False(refused.Swapped);
        Assert.Contains(refused.Diagnostics, d => d.ToString().Contains("bash.yaml", StringComparison.Ordinal));
        Assert.Equal(swapped.Generation, holder.Generation);
        Assert.Equal(2, holder.Current.Rules.Count);
        Assert.False(reloader.Last!.Value.Result.Swapped);
    }

    private static Task<RuleReloadResult<DetectionEvent>> NextReload(RuleReloader reloader)
    {
        var next = new TaskCompletionSource<RuleReloadResult<DetectionEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReloaded(RuleReloadResult<DetectionEvent> result)
        {
            reloader.Reloaded -= OnReloaded;
            next.TrySetResult(result);
        }
        reloader.Reloaded += OnReloaded;
        return next.Task;
    }
}
