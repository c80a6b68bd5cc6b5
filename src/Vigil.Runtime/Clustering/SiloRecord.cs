namespace Vigil.Runtime.Clustering;

/// <summary>One row of the membership table; times are the database's clock.</summary>
public sealed record SiloRecord(string SiloId, long Incarnation, string Address, SiloStatus Status, DateTimeOffset HeartbeatAt, long Activations, double CallsPerSecond);
