namespace Vigil.Silo.Demo;

/// <summary>
/// <c>--demo</c>: the simulator's scenarios played into the silo at start and again every <see cref="Interval"/>, so
/// a newcomer sees alerts at once. Configuration section <c>Demo</c>.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Time between rounds; each round plays every scenario against pods of its own.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The cluster the scenarios happen in.</summary>
    public string Cluster { get; set; } = "demo";
}
