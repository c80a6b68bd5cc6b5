namespace Vigil.Grains.Entities;

/// <summary>
/// How much behaviour one pod grain keeps. Every collection in <see cref="PodState"/> stops here, so a pod that
/// forks thousands of processes or opens thousands of connections costs a fixed amount of memory and of stored
/// state; past a bound the oldest entry goes (or, for the executables seen, new ones stop being added).
/// </summary>
public static class PodLimits
{
    public const int MaxContainers = 32;

    public const int MaxImages = 32;

    public const int MaxExecutablesPerContainer = 512;

    public const int MaxWrittenFilesPerContainer = 1024;

    /// <summary>
    /// Processes in the tree. The tree is stored whole with every batch and sensors miss exits, so it fills up; a
    /// full tree evicts its oldest leaf, keeping the ancestors of what still runs.
    /// </summary>
    public const int MaxProcesses = 256;

    /// <summary>Distinct recent connections (a repeat refreshes its entry).</summary>
    public const int MaxConnections = 256;

    /// <summary>
    /// Exited processes kept although no process of the tree descends from them (the most recently active), for
    /// children whose exec arrives after their parent's exit; exited processes with children in the tree are kept.
    /// </summary>
    public const int MaxExitedLeafProcesses = 64;

    /// <summary>Processes of one container remembered as having connected outside the cluster, for the download chain.</summary>
    public const int MaxNetworkedProcessesPerContainer = 64;

    /// <summary>Downloaded files of one container awaiting chmod and exec.</summary>
    public const int MaxDownloadsPerContainer = 64;

    /// <summary>Process trees of one container whose discovery commands are being counted.</summary>
    public const int MaxReconnaissanceTreesPerContainer = 16;

    /// <summary>Settled metadata-caller verdicts one container keeps, sparing calls to its image.</summary>
    public const int MaxMetadataChainsPerContainer = 32;

    /// <summary>Executables an image baseline learns; past it the baseline saturates and judges none.</summary>
    public const int MaxImageExecutables = 2048;

    /// <summary>Metadata caller chains an image baseline learns; past it later chains stay unusual.</summary>
    public const int MaxImageMetadataChains = 64;

    /// <summary>Generations of ancestry an event is given from the process tree when the sensor sent fewer.</summary>
    public const int MaxAncestry = 16;

    /// <summary>How often a pod reminds its namespace that it exists, so a lost announcement is made good.</summary>
    public static readonly TimeSpan AnnouncementInterval = TimeSpan.FromMinutes(10);
}
