using System.Net;
using Google.Protobuf;

namespace Vigil.Ingestion.Runtime;

/// <summary>Textual IP addresses to the 4- or 16-byte network-order form the event model uses.</summary>
internal static class Addresses
{
    public static ByteString Parse(string text, string field)
    {
        if (text.Length == 0)
        {
            return ByteString.Empty;
        }

        return IPAddress.TryParse(text, out var address)
            ? ByteString.CopyFrom(address.GetAddressBytes())
            : throw new InvalidRecordException($"field '{field}': '{text}' is not an IP address");
    }
}
