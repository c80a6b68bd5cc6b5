using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// The stateful detectors in the fixed order the pod grain runs them. The order matters only to the evidence: a
/// drifted binary that completes a download chain raises both alerts, drift first.
/// </summary>
public sealed class RuntimeDetectors
{
    public RuntimeDetectors(DetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        All =
        [
            new BinaryDriftDetector(),
            new BaselineDriftDetector(),
            new DownloadChmodExecDetector(options),
            new ReconnaissanceBurstDetector(options),
        ];
    }

    public DetectorOptions Options { get; }

    public IReadOnlyList<IRuntimeDetector> All { get; }

    /// <summary>Runs every detector on one event; findings of a build workload's routine behaviour come out Informational.</summary>
    public void Observe(DetectorInput input, List<DetectorFinding> findings)
    {
        var build = input.Event.Context is { } context && Options.IsBuild(context.PodNamespace, context.Image);
        foreach (var detector in All)
        {
            var first = findings.Count;
            detector.Observe(input, findings);
            if (build && detector.ExpectedInBuilds)
            {
                for (var i = first; i < findings.Count; i++)
                {
                    findings[i] = findings[i] with { Rule = findings[i].Rule with { Severity = Severity.Informational } };
                }
            }
        }
    }
}
