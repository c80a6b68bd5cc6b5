namespace Vigil.Grains.Security;

/// <summary>What a bearer token may do. An admin may do everything the other roles may.</summary>
public enum TokenRole
{
    /// <summary>Reads the API: alerts, clusters, silos, shards, rules.</summary>
    Viewer,

    /// <summary>Sends events: the HTTP ingestion endpoints and the sensors' gRPC stream.</summary>
    Ingest,

    /// <summary>Everything, including token management and alert status changes.</summary>
    Admin,
}
