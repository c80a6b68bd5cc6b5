using Vigil.Contracts.Events.V1;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Drops the matches of <c>vigil.runtime.cloud-metadata-access</c> that the image baseline says are normal for the
/// workload, as Defender's alert of that name means "a container that doesn't normally do so". Everything else the
/// rule matches is raised as the rule says: a caller the image never learned, any shell, download tool or inline
/// interpreter, and every caller while its image has not been asked.
/// </summary>
public static class MetadataBaseline
{
    public static bool IsNormal(RuleMetadata rule, ContainerRecord? container, RuntimeEvent value, ImageVerdicts images, DateTimeOffset now)
    {
        if (rule.Id != CloudMetadata.RuleId || container is null || !CloudMetadata.MayBeNormal(value))
        {
            return false;
        }
        var chain = CloudMetadata.Chain(value);
        var known = container.Detectors.MetadataChains;
        if (known.TryGetValue(chain, out var settled))
        {
            return settled.Normal;
        }
        if (images.Metadata(value.Context, chain) is not { } verdict)
        {
            return false;
        }
        if (verdict.Final)
        {
            BoundedMap.MakeRoom(known, chain, PodLimits.MaxMetadataChainsPerContainer, k => k.Time);
            known[chain] = new MetadataVerdict(verdict.Normal, now);
        }
        return verdict.Normal;
    }
}
