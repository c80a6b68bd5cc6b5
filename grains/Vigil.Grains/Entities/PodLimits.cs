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

    public const int MaxProcesses = 1024;

    public const int MaxConnections = 256;

    /// <summary>Generations of ancestry an event is given from the process tree when the sensor sent fewer.</summary>
    public const int MaxAncestry = 16;
}
