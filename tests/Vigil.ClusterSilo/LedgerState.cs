namespace Vigil.ClusterSilo;

public sealed class LedgerState
{
    public long Sequence { get; set; }

    /// <summary>Which silo wrote last, for reading a failure by eye.</summary>
    public string? LastWriter { get; set; }
}
