using Vigil.Runtime.Clustering;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>What a test silo process was started with; unset timings keep the <see cref="ClusterOptions"/> defaults.</summary>
public sealed class TestSiloOptions
{
    public required string Postgres { get; init; }

    public required string SiloId { get; init; }

    /// <summary>host:port for gRPC (h2c); port 0 is replaced by a free port before Kestrel binds.</summary>
    public string GrpcListen { get; set; } = "127.0.0.1:0";

    /// <summary>host:port for the HTTP/1 control endpoints; port 0 lets Kestrel pick.</summary>
    public string HttpListen { get; init; } = "127.0.0.1:0";

    public TimeSpan? RenewPeriod { get; init; }

    public TimeSpan? LeaseTimeToLive { get; init; }

    public TimeSpan? SelfFenceAfter { get; init; }

    public int? MaxHandoffsPerCycle { get; init; }

    public TimeSpan? CallTimeout { get; init; }

    public bool RecordCommits { get; init; }

    /// <summary>Exit when stdin closes: the process that started this one is gone, so nobody will stop it.</summary>
    public bool ExitWithParent { get; init; }

    public ClusterOptions ToClusterOptions()
    {
        var cluster = new ClusterOptions { SiloId = SiloId, Address = GrpcListen, RecordCommits = RecordCommits };
        cluster.RenewPeriod = RenewPeriod ?? cluster.RenewPeriod;
        cluster.LeaseTimeToLive = LeaseTimeToLive ?? cluster.LeaseTimeToLive;
        cluster.SelfFenceAfter = SelfFenceAfter ?? cluster.SelfFenceAfter;
        cluster.MaxHandoffsPerCycle = MaxHandoffsPerCycle ?? cluster.MaxHandoffsPerCycle;
        return cluster;
    }
}
