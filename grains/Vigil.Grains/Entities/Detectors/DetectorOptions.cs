namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Thresholds and windows of the stateful detectors and of the image baselines. Register one instance in the silo's
/// services to change them; without one the defaults apply. Windows run on the grains' <see cref="TimeProvider"/>,
/// that is by when Vigil received the events, not by the sensor's timestamps, which an attacker on the node can set.
/// </summary>
public sealed class DetectorOptions
{
    public static DetectorOptions Default { get; } = new();

    /// <summary>How long after its download a file that was made executable and run counts as one chain.</summary>
    public TimeSpan DownloadChainWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Distinct discovery commands from one process tree that make a burst.</summary>
    public int ReconnaissanceThreshold { get; set; } = 5;

    /// <summary>The window the <see cref="ReconnaissanceThreshold"/> commands must fall within.</summary>
    public TimeSpan ReconnaissanceWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// After a container is first seen, discovery commands are not counted for this long: entrypoint and init scripts
    /// probe the machine (uname -m, nproc, id -u, hostname) before they start the workload.
    /// </summary>
    public TimeSpan ReconnaissanceStartupGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after an image is first seen its containers' executables and metadata use are learned.</summary>
    public TimeSpan ImageLearningWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Only a container this young can teach its image that a process chain uses the cloud metadata service: the
    /// workload's own start-up, not whatever runs in it days later.
    /// </summary>
    public TimeSpan MetadataLearningWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Namespaces of build and CI workloads, where a download that is made executable and run is routine: drift and
    /// the download chain are recorded there at Informational instead of paging someone. The defaults are the
    /// namespaces the common runners' charts install into; set your own (or none) to match the cluster.
    /// </summary>
    public IReadOnlyList<string> BuildNamespaces { get; set; } =
        ["gitlab-runner", "arc-runners", "actions-runner-system", "jenkins", "jenkins-agents", "tekton-pipelines", "buildkite"];

    /// <summary>Image reference prefixes of build and CI workloads: the common runners' and image builders' images.</summary>
    public IReadOnlyList<string> BuildImagePrefixes { get; set; } =
        ["ghcr.io/actions/actions-runner:", "registry.gitlab.com/gitlab-org/gitlab-runner", "gitlab/gitlab-runner",
         "jenkins/inbound-agent:", "gcr.io/kaniko-project/executor:", "moby/buildkit:", "quay.io/buildah/", "buildkite/agent:"];

    public void Validate()
    {
        Positive(DownloadChainWindow, nameof(DownloadChainWindow));
        Positive(ReconnaissanceWindow, nameof(ReconnaissanceWindow));
        Positive(ImageLearningWindow, nameof(ImageLearningWindow));
        Positive(MetadataLearningWindow, nameof(MetadataLearningWindow));
        if (ReconnaissanceStartupGrace < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnaissanceStartupGrace), ReconnaissanceStartupGrace, "must not be negative");
        }
        if (ReconnaissanceThreshold < 2 || ReconnaissanceThreshold > ReconnaissanceCommands.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ReconnaissanceThreshold), ReconnaissanceThreshold, $"must be between 2 and {ReconnaissanceCommands.Count}");
        }
        if (BuildNamespaces.Any(string.IsNullOrEmpty) || BuildImagePrefixes.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Build namespaces and image prefixes must not be empty: an empty prefix would match every workload.");
        }
    }

    /// <summary>True for a container of a build workload, by namespace or image.</summary>
    public bool IsBuild(string podNamespace, string image) =>
        BuildNamespaces.Contains(podNamespace, StringComparer.Ordinal)
        || BuildImagePrefixes.Any(prefix => image.StartsWith(prefix, StringComparison.Ordinal));

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be positive");
        }
    }
}
