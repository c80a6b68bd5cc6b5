using Vigil.Grains.Entities.Detectors;
using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>
/// Learns an image's baseline during <see cref="DetectorOptions.ImageLearningWindow"/> after its first report, then
/// only answers. A metadata caller chain is normal once the baseline holds it, from the second sighting on, so
/// replicas and restarts of a workload that uses the metadata service do not each raise an alert. A baseline is never trimmed to make room: forgetting a binary the image runs would make it drift. A
/// full set stops learning instead (executables: judging stops too; metadata chains: later ones stay unusual).
/// </summary>
public sealed class ImageGrain(DetectorOptions? detectorOptions = null) : Grain<ImageState>, IImageGrain
{
    private readonly DetectorOptions _options = detectorOptions ?? DetectorOptions.Default;

    public async Task<ImageVerdict> ObserveAsync(ImageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = TimeProvider.GetUtcNow();
        var changed = false;
        if (State.FirstSeen is null)
        {
            State.FirstSeen = now;
            changed = true;
        }
        var learning = now - State.FirstSeen.Value < _options.ImageLearningWindow;
        // Judged before learning: the chain's first caller still raises the rule's alert, later callers do not.
        IReadOnlyList<string> normal = [.. report.MetadataChains.Where(State.MetadataChains.Contains)];
        if (learning)
        {
            changed |= Learn(report);
        }
        if (changed)
        {
            await WriteStateAsync();
        }
        IReadOnlyList<string> unknown = learning || State.ExecutablesSaturated
            ? []
            : [.. report.Executables.Where(e => !State.Executables.Contains(e))];
        return new ImageVerdict(learning, unknown, normal);
    }

    private bool Learn(ImageReport report)
    {
        var changed = false;
        foreach (var executable in report.Executables)
        {
            if (State.Executables.Contains(executable))
            {
                continue;
            }
            if (State.Executables.Count >= PodLimits.MaxImageExecutables)
            {
                changed |= !State.ExecutablesSaturated;
                State.ExecutablesSaturated = true;
                break;
            }
            changed |= State.Executables.Add(executable);
        }
        foreach (var chain in report.LearnableMetadataChains)
        {
            if (State.MetadataChains.Count < PodLimits.MaxImageMetadataChains)
            {
                changed |= State.MetadataChains.Add(chain);
            }
        }
        return changed;
    }
}
