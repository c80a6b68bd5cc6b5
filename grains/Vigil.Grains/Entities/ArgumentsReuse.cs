using Google.Protobuf.Collections;

namespace Vigil.Grains.Entities;

/// <summary>
/// One array per distinct argument list among those a pod's state keeps (its process tree, its evidence): probes,
/// cron jobs and a server's helpers run the same command lines over and over, and each exec kept an array of its
/// own. Arrays handed out are never written. Matched against the event's list without copying it first; a new one
/// takes its strings from the pod's <see cref="StringReuse"/>. Not stored, and bounded: past <see cref="Capacity"/>
/// lists it starts over.
/// </summary>
public sealed class ArgumentsReuse(StringReuse strings)
{
    public const int Capacity = 1_024;

    private readonly Dictionary<string[], string[]> _held = new(ArgumentListKeys.Instance);

    /// <summary>The array held for the list's values, or a new one, now held.</summary>
    public string[] Of(RepeatedField<string> args)
    {
        if (args.Count == 0)
        {
            return [];
        }
        if (_held.GetAlternateLookup<RepeatedField<string>>().TryGetValue(args, out var held))
        {
            return held;
        }
        if (_held.Count >= Capacity)
        {
            _held.Clear();
        }
        var created = new string[args.Count];
        for (var i = 0; i < created.Length; i++)
        {
            created[i] = strings.Of(args[i]);
        }
        _held.Add(created, created);
        return created;
    }
}
