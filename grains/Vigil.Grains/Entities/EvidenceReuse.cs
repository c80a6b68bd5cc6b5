using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Entities;

/// <summary>
/// One instance per distinct process among the evidence a pod's state keeps while it waits (pending downloads
/// chiefly). A server that connected out and then writes files is a download candidate with every write, and each
/// candidate's evidence held its own copy of the same process and ancestry, strings and all, from the parsed event,
/// until it was pushed out: young objects the state kept, which every collection promoted. Matched against the
/// event's processes without building one first; a new one takes its strings and arguments from the pod's <see cref="StringReuse"/> and <see cref="ArgumentsReuse"/>.
/// Not stored, and bounded: past <see cref="Capacity"/> processes it starts over.
/// </summary>
public sealed class EvidenceReuse(StringReuse strings, ArgumentsReuse arguments)
{
    public const int Capacity = 1_024;

    private readonly Dictionary<EvidenceProcess, EvidenceProcess> _held = new(EvidenceProcessComparer.Instance);

    /// <summary>The event's evidence, its processes shared with evidence the pod already keeps.</summary>
    public AlertEvidence From(RuntimeEvent value, string output) => EvidenceFactory.From(value, output, Of);

    private EvidenceProcess Of(Process? process)
    {
        if (process is null)
        {
            return EvidenceFactory.Process(null);
        }
        var lookup = _held.GetAlternateLookup<Process>();
        if (lookup.TryGetValue(process, out var held))
        {
            return held;
        }
        if (_held.Count >= Capacity)
        {
            _held.Clear();
        }
        var created = new EvidenceProcess(
            process.Pid, process.Ppid, strings.Of(process.Binary), arguments.Of(process.Args), process.Uid, strings.Of(process.User), strings.Of(process.Cwd));
        _held.Add(created, created);
        return created;
    }
}
