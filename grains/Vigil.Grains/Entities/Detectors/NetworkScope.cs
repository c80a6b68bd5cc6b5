using System.Net;
using System.Net.Sockets;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Whether an address lies outside the cluster. Vigil does not know a cluster's pod and service ranges, so the
/// private, shared, loopback and link-local ranges count as inside: the cloud metadata service (link-local) and
/// an in-cluster artefact cache are not downloads from the internet.
/// </summary>
public static class NetworkScope
{
    public static bool IsExternal(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            // fc00::/7 unique local, fe80::/10 link-local.
            return (first & 0xfe) != 0xfc && !address.IsIPv6LinkLocal;
        }
        var b = address.GetAddressBytes();
        return !(b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
    }
}
