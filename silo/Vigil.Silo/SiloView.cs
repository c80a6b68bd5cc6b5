namespace Vigil.Silo;

/// <summary>One silo in <c>GET /api/v1/silos</c>; load figures are those of its last heartbeat.</summary>
public sealed record SiloView(
    string Id,
    string Address,
    string Status,
    int ShardsOwned,
    long Activations,
    double? CallsPerSecond,
    DateTimeOffset? HeartbeatAt);
