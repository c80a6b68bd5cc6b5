using System.Collections.Concurrent;

namespace Vigil.Silo.Ingestion.Grpc;

/// <summary>
/// The highest sequence this silo acknowledged per sensor incarnation, so a replay of an acknowledged batch after
/// a reconnect is acknowledged again without being dispatched. Only an optimisation: the grains ignore replays on
/// their own, durably; this table is lost with the process and simply cleared when it outgrows its bound.
/// </summary>
public sealed class AcknowledgedSequences(SensorIngestOptions options)
{
    private readonly ConcurrentDictionary<(string Sensor, string Incarnation), ulong> _acknowledged = new();

    public ulong Get(string sensor, string incarnation) =>
        _acknowledged.TryGetValue((sensor, incarnation), out var sequence) ? sequence : 0;

    public void Note(string sensor, string incarnation, ulong sequence)
    {
        if (_acknowledged.Count >= options.RememberedIncarnations && !_acknowledged.ContainsKey((sensor, incarnation)))
        {
            _acknowledged.Clear();
        }

        _acknowledged.AddOrUpdate((sensor, incarnation), sequence, (_, known) => Math.Max(known, sequence));
    }
}
