using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Runtime.Hosting;

/// <summary>Grain type name → how to construct its implementation, resolved once at registration.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, ObjectFactory> _factories = new(StringComparer.Ordinal);

    public void Add<TGrainInterface, TGrain>()
        where TGrainInterface : IGrain
        where TGrain : Grain, TGrainInterface
    {
        var grainType = GrainReferenceRegistry.GetGrainType(typeof(TGrainInterface));
        if (!_factories.TryAdd(grainType, ActivatorUtilities.CreateFactory(typeof(TGrain), Type.EmptyTypes)))
        {
            throw new InvalidOperationException($"Grain type '{grainType}' is registered twice.");
        }
    }

    public Grain Create(GrainId id, IServiceProvider services) =>
        _factories.TryGetValue(id.Type, out var factory)
            ? (Grain)factory(services, null)
            : throw new InvalidOperationException($"No grain implementation is registered for grain type '{id.Type}'.");
}
