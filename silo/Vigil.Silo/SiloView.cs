namespace Vigil.Silo;

/// <summary>
/// One silo in <c>GET /api/v1/silos</c>; load figures are those of its last heartbeat. The event figures are known
/// only for the silo that answers (<see cref="Answering"/>): the heartbeat does not carry them.
/// </summary>
public sealed record SiloView(
    string Id,
    string Address,
    string Status,
    int ShardsOwned,
    long Activations,
    double? CallsPerSecond,
    DateTimeOffset? HeartbeatAt,
    bool Answering = false,
    double? EventsPerSecond = null,
    long? EventsAccepted = null);
