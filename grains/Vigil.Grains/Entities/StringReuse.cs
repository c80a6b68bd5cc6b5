namespace Vigil.Grains.Entities;

/// <summary>
/// One instance per distinct value among the strings a pod's state keeps from events (binaries, arguments, users,
/// working directories, peers). Each parsed event brings fresh copies of the same few values; keeping the copy
/// would have every collection promote it while an equal string already held by the state stays. Not stored, and
/// bounded: past <see cref="Capacity"/> values it starts over, so values seen once cannot pile up.
/// </summary>
public sealed class StringReuse
{
    public const int Capacity = 4_096;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The instance already held for <paramref name="value"/>'s value, or <paramref name="value"/> itself, now held.</summary>
    public string Of(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }
        if (_values.TryGetValue(value, out var held))
        {
            return held;
        }
        if (_values.Count >= Capacity)
        {
            _values.Clear();
        }
        _values.Add(value, value);
        return value;
    }
}
