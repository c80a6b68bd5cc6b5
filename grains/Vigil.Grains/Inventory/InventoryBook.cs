using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Inventory;

/// <summary>
/// Applies snapshots to a cluster's inventory, keyed <c>Kind/namespace/name</c>. A complete snapshot replaces every
/// object of the kinds it lists (so what was deleted while no one watched disappears); an incremental one adds,
/// replaces and removes objects one by one. Past the bound, new objects are counted but not kept.
/// </summary>
public sealed class InventoryBook(Dictionary<string, InventoryEntry> entries, int capacity)
{
    /// <summary>Applies the snapshot; returns how many objects did not fit under the bound.</summary>
    public int Apply(InventorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Complete)
        {
            var kinds = new HashSet<string>(snapshot.Kinds, StringComparer.Ordinal);
            foreach (var key in entries.Where(e => kinds.Contains(e.Value.Kind)).Select(e => e.Key).ToList())
            {
                entries.Remove(key);
            }
        }
        var dropped = 0;
        foreach (var value in snapshot.Objects)
        {
            var key = $"{value.Kind}/{value.Namespace}/{value.Name}";
            if (value.Deleted)
            {
                entries.Remove(key);
                continue;
            }
            if (!entries.ContainsKey(key) && entries.Count >= capacity)
            {
                dropped++;
                continue;
            }
            entries[key] = new InventoryEntry(value.Kind, value.Namespace, value.Name, value.Uid, PostureChecks.Evaluate(value));
        }
        return dropped;
    }

    public IReadOnlyDictionary<string, int> CountsByKind() =>
        entries.Values.GroupBy(e => e.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
