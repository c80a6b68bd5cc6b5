using System.Net;
using System.Net.Sockets;

namespace Vigil.Runtime.Clustering;

/// <summary>
/// A cluster member's gRPC address must be known before its web server binds (it is advertised when the silo joins),
/// so port 0 is turned into a real free port up front rather than left to the server.
/// </summary>
public static class ListenAddress
{
    /// <summary><paramref name="listen"/> as given when it names a port; otherwise the same address with a free port.</summary>
    public static string WithFreePort(string listen)
    {
        var endpoint = IPEndPoint.Parse(listen);
        if (endpoint.Port != 0)
        {
            return listen;
        }

        using var probe = new TcpListener(endpoint.Address, 0);
        probe.Start();
        return new IPEndPoint(endpoint.Address, ((IPEndPoint)probe.LocalEndpoint).Port).ToString();
    }
}
