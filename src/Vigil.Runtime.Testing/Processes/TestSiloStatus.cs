namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// A silo's own view of its leases (<c>GET /control/status</c>). <see cref="Serving"/> is false while it is
/// self-fenced; <see cref="Shards"/> is what it last renewed or took, which the lease table may already contradict.
/// </summary>
public sealed record TestSiloStatus(string SiloId, long Incarnation, bool Serving, IReadOnlyList<HeldShard> Shards, long Activations, long Calls);
