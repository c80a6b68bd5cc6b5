using Vigil.Contracts.Events.V1;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// A burst of discovery commands: <see cref="DetectorOptions.ReconnaissanceThreshold"/> distinct ones
/// (<see cref="ReconnaissanceCommands"/>) from children of one process, the same parent shell, within
/// <see cref="DetectorOptions.ReconnaissanceWindow"/>. Distinct, so a probe that runs <c>id</c> every ten seconds
/// never adds up; per parent, so unrelated processes of a busy container do not either; not in the container's
/// first <see cref="DetectorOptions.ReconnaissanceStartupGrace"/>, when entrypoint and init scripts size up the
/// machine. After a burst fires, its tree starts counting afresh: another alert needs another full burst.
/// </summary>
public sealed class ReconnaissanceBurstDetector(DetectorOptions options) : IRuntimeDetector
{
    public const string RuleId = "vigil.runtime.reconnaissance-burst";

    public static RuleMetadata Metadata { get; } = new(
        RuleId,
        "Burst of multiple reconnaissance commands could indicate initial activity after compromise",
        "One process of a container started several distinct system, user and cluster discovery commands within a short time.",
        Severity.Medium,
        "TA0007",
        "T1082",
        RuleSource.Runtime,
        ["container", "process", "mitre_discovery"],
        true,
        new SourceLocation(nameof(ReconnaissanceBurstDetector), 0, 0));

    public RuleMetadata Rule => Metadata;

    public bool ExpectedInBuilds => false;

    public void Observe(DetectorInput input, List<DetectorFinding> findings)
    {
        var value = input.Event;
        if (value.KindCase != RuntimeEvent.KindOneofCase.Exec || value.Process is not { } process || input.Container is not { } container
            || input.Now - container.FirstSeen < options.ReconnaissanceStartupGrace
            || ReconnaissanceCommands.Classify(process.Binary, process.Args) is not { } command)
        {
            return;
        }
        var trees = container.Detectors.Reconnaissance;
        var tree = ProcessKeys.Parent(value);
        if (!trees.TryGetValue(tree, out var window))
        {
            Expire(trees, input.Now);
            BoundedMap.MakeRoom(trees, tree, PodLimits.MaxReconnaissanceTreesPerContainer, t => t.Latest ?? DateTimeOffset.MinValue);
            window = trees[tree] = new SlidingWindow();
        }
        window.Add(command, string.Join(' ', [process.Binary, .. process.Args]), input.Now, options.ReconnaissanceWindow, ReconnaissanceCommands.Count);
        if (window.Count(input.Now, options.ReconnaissanceWindow) < options.ReconnaissanceThreshold)
        {
            return;
        }
        var commands = window.Current(input.Now, options.ReconnaissanceWindow).Select(c => c.Value.Note);
        var parent = value.Ancestors.Count > 0 ? $"{ProcessNames.BaseName(value.Ancestors[0].Binary)} (pid {value.Ancestors[0].Pid})" : $"pid {process.Ppid}";
        findings.Add(new DetectorFinding(Metadata,
            $"{window.Count(input.Now, options.ReconnaissanceWindow)} distinct discovery commands within "
            + $"{options.ReconnaissanceWindow.TotalSeconds:0} s under {parent} in container {value.Context?.ContainerName} of "
            + $"{value.Context?.PodNamespace}/{value.Context?.PodName}: {string.Join("; ", commands)}"));
        window.Clear();
    }

    private void Expire(Dictionary<string, SlidingWindow> trees, DateTimeOffset now)
    {
        foreach (var (key, window) in trees.ToList())
        {
            window.Expire(now, options.ReconnaissanceWindow);
            if (window.Entries.Count == 0)
            {
                trees.Remove(key);
            }
        }
    }
}
