namespace Vigil.Grains.Identities;

/// <summary>
/// What an identity has been seen doing, from requests the API server let through: operations (verb and resource),
/// namespaces, source addresses and client programs. Each map is bounded; past its bound the value last seen
/// longest ago gives way.
/// </summary>
public sealed class ActivityBaseline
{
    public Dictionary<string, SeenValue> Operations { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, SeenValue> Namespaces { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, SeenValue> SourceIps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>By client program (the user agent's first product token, such as <c>kubectl</c>).</summary>
    public Dictionary<string, SeenValue> UserAgents { get; set; } = new(StringComparer.Ordinal);

    public static void Note(Dictionary<string, SeenValue> values, string value, DateTimeOffset now, int capacity)
    {
        if (value.Length == 0)
        {
            return;
        }
        if (values.TryGetValue(value, out var seen))
        {
            values[value] = seen with { LastSeen = now, Count = seen.Count + 1 };
            return;
        }
        BoundedMap.MakeRoom(values, value, capacity, v => v.LastSeen);
        values[value] = new SeenValue(now, now, 1);
    }
}
