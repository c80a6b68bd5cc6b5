using System.Text.Json.Serialization;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// What the stateful detectors remember of one container. It lives in its <see cref="ContainerRecord"/>, so it is
/// stored with the pod and goes when the container is evicted; each collection is bounded by <see cref="PodLimits"/>.
/// </summary>
public sealed class ContainerDetectorState
{
    /// <summary>Processes (by <see cref="ProcessKeys.Of"/>) that connected outside the cluster, with the destination.</summary>
    public SlidingWindow Networked { get; set; } = new();

    /// <summary>
    /// Files written by a download tool or a networked process, by path: the start of a download → chmod → exec chain.
    /// Stored with each process once (<see cref="DownloadsJsonConverter"/>).
    /// </summary>
    [JsonConverter(typeof(DownloadsJsonConverter))]
    public Dictionary<string, DownloadRecord> Downloads { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Discovery commands per process tree (<see cref="ProcessKeys.Parent"/>), for the reconnaissance burst.</summary>
    public Dictionary<string, SlidingWindow> Reconnaissance { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Cloud metadata callers (<see cref="CloudMetadata.Chain"/>) the image baseline has judged once learning ended:
    /// true when the chain is normal for the image. The baseline no longer changes then, so the answer is kept.
    /// </summary>
    public Dictionary<string, MetadataVerdict> MetadataChains { get; set; } = new(StringComparer.Ordinal);
}
