using System.Collections.Concurrent;

namespace Vigil.Runtime;

/// <summary>
/// Grain interface → its stable type name and generated reference factory. Filled by module initializers that the
/// source generator writes into every assembly declaring grain interfaces.
/// </summary>
public static class GrainReferenceRegistry
{
    private static readonly ConcurrentDictionary<Type, Entry> Entries = new();

    public static void Register<TGrain>(string grainType, Func<GrainId, IGrainCallInvoker, TGrain> factory)
        where TGrain : IGrain =>
        Entries[typeof(TGrain)] = new Entry(grainType, (id, invoker) => factory(id, invoker));

    public static string GetGrainType(Type grainInterface) => Get(grainInterface).GrainType;

    public static TGrain Create<TGrain>(string key, IGrainCallInvoker invoker)
        where TGrain : IGrain
    {
        var entry = Get(typeof(TGrain));
        return (TGrain)entry.Factory(new GrainId(entry.GrainType, key), invoker);
    }

    private static Entry Get(Type grainInterface) =>
        Entries.TryGetValue(grainInterface, out var entry)
            ? entry
            : throw new InvalidOperationException(
                $"No generated reference for {grainInterface.FullName}: the assembly declaring it must reference Vigil.Runtime.Generator.");

    private sealed record Entry(string GrainType, Func<GrainId, IGrainCallInvoker, object> Factory);
}
