using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Reads a batch ahead of detection for what its images must be asked, so a batch costs one call per image at most,
/// and usually none: only an executable new to its container, or a metadata access not settled for it, needs one.
/// </summary>
public static class ImageReports
{
    public static IReadOnlyDictionary<string, ImageReport> Collect(
        PodState state, IReadOnlyList<RuntimeEvent> events, DateTimeOffset now, DetectorOptions options)
    {
        var builders = new Dictionary<string, Builder>(StringComparer.Ordinal);
        // Files the batch itself writes, per container: running one is drift, which the baseline must not learn.
        var written = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var value in events)
        {
            var context = value.Context;
            if (context is null || context.ContainerId.Length == 0 || ImageKeys.Of(context) is not { } image || value.Process is null)
            {
                continue;
            }
            var container = state.Containers.GetValueOrDefault(context.ContainerId);
            var writes = written.TryGetValue(context.ContainerId, out var set) ? set : written[context.ContainerId] = new(StringComparer.Ordinal);
            if (value.KindCase == RuntimeEvent.KindOneofCase.File && value.Errno == 0 && PodBehaviour.Writes(value.File))
            {
                writes.Add(value.File.Path);
            }
            else if (value.KindCase == RuntimeEvent.KindOneofCase.Exec && value.Errno == 0)
            {
                var binary = value.Process.Binary;
                if (binary.Length > 0 && container is not { ExecutablesTruncated: true } && container?.Executables.Contains(binary) != true
                    && container?.WrittenFiles.ContainsKey(binary) != true && !writes.Contains(binary))
                {
                    Of(builders, image).Executables.Add(binary);
                }
            }
            else if (CloudMetadata.IsAccess(value) && CloudMetadata.MayBeNormal(value))
            {
                var chain = CloudMetadata.Chain(value);
                if (container?.Detectors.MetadataChains.ContainsKey(chain) != true)
                {
                    var builder = Of(builders, image);
                    builder.Chains.Add(chain);
                    if (CloudMetadata.MayTeach(state, container, value, now, options))
                    {
                        builder.Learnable.Add(chain);
                    }
                }
            }
        }
        return builders.ToDictionary(b => b.Key, b => new ImageReport([.. b.Value.Executables], [.. b.Value.Chains], [.. b.Value.Learnable]));
    }

    private static Builder Of(Dictionary<string, Builder> builders, string image) =>
        builders.TryGetValue(image, out var builder) ? builder : builders[image] = new Builder();

    private sealed class Builder
    {
        public HashSet<string> Executables { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Chains { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Learnable { get; } = new(StringComparer.Ordinal);
    }
}
