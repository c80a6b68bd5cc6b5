namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Distinct keys seen within a sliding time window, each with its latest sighting and a note (a command line, a
/// destination) for the evidence. Bounded: past the capacity the key seen least recently goes. Stored in the
/// pod's state, so it survives reactivation; the window and capacity are passed in rather than stored, so changed
/// options apply to state already kept. Counting repeats of one thing is counting distinct keys of its occurrences.
/// </summary>
public sealed class SlidingWindow
{
    public Dictionary<string, WindowEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Records a sighting of <paramref name="key"/> at <paramref name="now"/>, forgetting what fell out of the window.</summary>
    public void Add(string key, string note, DateTimeOffset now, TimeSpan window, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Expire(now, window);
        BoundedMap.MakeRoom(Entries, key, capacity, e => e.Time);
        Entries[key] = new WindowEntry(now, note);
    }

    /// <summary>Distinct keys whose latest sighting lies within the window that ends at <paramref name="now"/>.</summary>
    public int Count(DateTimeOffset now, TimeSpan window) => Entries.Values.Count(e => Within(e, now, window));

    public WindowEntry? Find(string key, DateTimeOffset now, TimeSpan window) =>
        Entries.TryGetValue(key, out var entry) && Within(entry, now, window) ? entry : null;

    /// <summary>The keys within the window with their entries, oldest sighting first.</summary>
    public IReadOnlyList<KeyValuePair<string, WindowEntry>> Current(DateTimeOffset now, TimeSpan window) =>
        [.. Entries.Where(e => Within(e.Value, now, window)).OrderBy(e => e.Value.Time)];

    /// <summary>The latest sighting of any key; null when empty.</summary>
    public DateTimeOffset? Latest => Entries.Count == 0 ? null : Entries.Values.Max(e => e.Time);

    public void Expire(DateTimeOffset now, TimeSpan window)
    {
        foreach (var key in Entries.Where(e => !Within(e.Value, now, window)).Select(e => e.Key).ToList())
        {
            Entries.Remove(key);
        }
    }

    public void Clear() => Entries.Clear();

    private static bool Within(WindowEntry entry, DateTimeOffset now, TimeSpan window) => now - entry.Time < window;
}
