using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Runtime.Clustering;

namespace Vigil.Runtime.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>: a real host with its own Kestrel endpoint, in this process.</summary>
public sealed class TestClusterSilo
{
    internal TestClusterSilo(string id, WebApplication app, FaultProxy database, FaultProxy grpc)
    {
        Id = id;
        App = app;
        Database = database;
        Grpc = grpc;
    }

    public string Id { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Calls made through this silo, as a client of the cluster would make them here.</summary>
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public ShardLeaseManager Leases => Services.GetRequiredService<ShardLeaseManager>();

    public long Incarnation => Leases.Incarnation;

    /// <summary>Shards this silo serves now: none while it is fenced.</summary>
    public int ShardsServed => Leases.IsServing ? Leases.Held.Count : 0;

    /// <summary>The silo's path to PostgreSQL.</summary>
    public FaultProxy Database { get; }

    /// <summary>The path other silos take to this silo's gRPC endpoint (its advertised address).</summary>
    public FaultProxy Grpc { get; }

    /// <summary>True from a pause until the matching resume.</summary>
    public bool IsPaused { get; internal set; }

    internal WebApplication App { get; }

    public override string ToString() => $"{Id}#{Incarnation}: {ShardsServed} shards{(IsPaused ? ", paused" : string.Empty)}";
}
