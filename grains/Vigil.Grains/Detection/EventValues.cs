using System.Net;
using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Detection;

/// <summary>Conversions from the wire's encodings to the values rules compare.</summary>
internal static class EventValues
{
    /// <summary>proto3 strings cannot be absent; an empty one means "not known", which rules see as absent.</summary>
    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static string? BaseName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : slash == path.Length - 1 ? null : path[(slash + 1)..];
    }

    /// <summary>The directory part of an absolute path, "/" for a file at the root.</summary>
    public static string? DirectoryName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }
        var slash = path.LastIndexOf('/');
        return slash < 0 ? null : slash == 0 ? "/" : path[..slash];
    }

    public static string? CommandLine(string? name, Process? process)
    {
        if (name is null || process is null)
        {
            return null;
        }
        return process.Args.Count == 0 ? name : name + " " + string.Join(' ', process.Args);
    }

    /// <summary>4 or 16 octets as an address; anything else is a malformed sender's and reads as absent.</summary>
    public static IPAddress? Address(Google.Protobuf.ByteString bytes) =>
        bytes.Length is 4 or 16 ? new IPAddress(bytes.Span) : null;

    public static string? Protocol(Protocol protocol) => protocol switch
    {
        Contracts.Events.V1.Protocol.Tcp => "tcp",
        Contracts.Events.V1.Protocol.Udp => "udp",
        _ => null,
    };
}
