namespace Vigil.Grains;

/// <summary>
/// The one eviction rule of every bounded map in grain state: a new key at the bound first pushes out the entry
/// that <c>age</c> ranks oldest. A key already held never evicts anything.
/// </summary>
public static class BoundedMap
{
    public static void MakeRoom<TKey, TValue, TAge>(Dictionary<TKey, TValue> map, TKey key, int capacity, Func<TValue, TAge> age)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(age);
        if (map.Count >= capacity && !map.ContainsKey(key))
        {
            map.Remove(map.MinBy(entry => age(entry.Value)).Key);
        }
    }
}
