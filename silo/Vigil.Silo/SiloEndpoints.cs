using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Vigil.Silo;

/// <summary>The endpoints Kestrel actually bound; with port 0 in the options, only these know the port.</summary>
public sealed class SiloEndpoints
{
    internal ListenOptions? GrpcListenOptions { get; set; }

    internal ListenOptions? HttpListenOptions { get; set; }

    public string Grpc => GrpcListenOptions?.IPEndPoint?.ToString() ?? "(not bound)";

    public string Http => HttpListenOptions?.IPEndPoint?.ToString() ?? "(not bound)";

    /// <summary>This silo's name in the cluster; <c>local</c> for an embedded silo.</summary>
    public string SiloId { get; internal set; } = "local";
}
