namespace Vigil.Silo;

/// <summary>Where the silo listens. Configuration section <c>Silo</c>; environment <c>VIGIL_Silo__GrpcListen</c> and so on.</summary>
public sealed class SiloOptions
{
    public const string Section = "Silo";

    /// <summary>gRPC over cleartext HTTP/2 (h2c), for sensors, ingesters and other silos.</summary>
    public string GrpcListen { get; set; } = "127.0.0.1:50051";

    /// <summary>HTTP/1.1 for health probes, the REST API and the dashboard.</summary>
    public string HttpListen { get; set; } = "127.0.0.1:8080";

    /// <summary>Where the embedded store (SQLite, <c>vigil.db</c>) keeps grain state; relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "vigil-data";

    /// <summary>
    /// An Npgsql connection string. When set, this silo is a member of the cluster on that database (possibly its only
    /// member): grain state, membership and shard leases live there, and calls go to the silo owning each grain.
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// The detection rules (<c>*.yaml</c>, as in the repository's <c>grains/rules</c>). Default: the <c>rules</c>
    /// directory shipped beside the silo's binary. Changes are picked up while the silo runs.
    /// </summary>
    public string? RulesDirectory { get; set; }

    /// <summary>This silo's name in the cluster; stable across restarts. Default: host name and gRPC port.</summary>
    public string? SiloId { get; set; }

    /// <summary>The gRPC address other silos use to reach this one. Default: <see cref="GrpcListen"/>.</summary>
    public string? Advertise { get; set; }
}
