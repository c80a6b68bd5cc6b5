using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Vigil.Runtime.Testing.Processes;

/// <summary>Kestrel writes the port it bound back into the listen options; with port 0 only they know it.</summary>
internal sealed class BoundEndpoints
{
    public ListenOptions? HttpListen { get; set; }

    public string Http => HttpListen?.IPEndPoint?.ToString() ?? "(not bound)";
}
