using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Runtime;

/// <summary>
/// The process_kprobe hooks of Tetragon's file and network policies that have a meaning in our model: file
/// opens, creates, writes and chmods, and TCP/UDP connects. A hook outside that list is skipped by name rather
/// than guessed at, because the same argument types mean different things on different functions.
/// </summary>
internal static class TetragonKprobeMapper
{
    private const uint MayWrite = 0x2;
    private const uint OCreat = 0x40;

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();

    /// <summary>False (with a reason) when the hooked function has no mapping.</summary>
    public static bool TryMap(JsonElement kprobe, RuntimeEvent runtime, out string skipReason)
    {
        skipReason = "";
        var function = JsonFields.String(kprobe, "function_name"u8);
        var args = JsonFields.TryArray(kprobe, "args"u8, out var a) ? a : default;
        if (JsonFields.TryObject(kprobe, "return"u8, out var ret) && ret.TryGetProperty("int_arg"u8, out var code))
        {
            var value = JsonFields.Int64Value(code, "return.int_arg"u8);
            runtime.Errno = value is < 0 and >= -4095 ? (int)-value : 0;
        }

        if (IsNetwork(function))
        {
            return TryConnect(args, runtime, function, out skipReason);
        }

        var operation = FileOperationOf(function, args);
        if (operation == FileOperation.Unspecified)
        {
            skipReason = $"kprobe '{function}' has no runtime mapping";
            return false;
        }

        var file = new FileActivity { Operation = operation };
        foreach (var arg in Items(args))
        {
            if (file.Path.Length == 0 && (JsonFields.TryObject(arg, "file_arg"u8, out var path) || JsonFields.TryObject(arg, "path_arg"u8, out path)))
            {
                file.Path = JsonFields.String(path, "path"u8);
            }
            else if (file.Path.Length == 0 && arg.TryGetProperty("string_arg"u8, out var s) && s.ValueKind == JsonValueKind.String)
            {
                file.Path = s.GetString()!;
            }
            else if (arg.TryGetProperty("int_arg"u8, out var n))
            {
                // The integer after the path is the flags of an open, the mode of a chmod, the mask of a permission check.
                var value = (uint)JsonFields.Int64Value(n, "int_arg"u8);
                if (operation == FileOperation.Chmod)
                {
                    file.Mode = value;
                }
                else if (!function.Contains("permission", StringComparison.Ordinal))
                {
                    file.Flags = value;
                }
            }
        }

        if (file.Path.Length == 0)
        {
            skipReason = $"kprobe '{function}' carries no path argument";
            return false;
        }

        if (operation == FileOperation.Open && (file.Flags & OCreat) != 0)
        {
            file.Operation = FileOperation.Create;
        }

        runtime.File = file;
        return true;
    }

    private static FileOperation FileOperationOf(string function, JsonElement args)
    {
        if (function.Contains("chmod", StringComparison.Ordinal))
        {
            return FileOperation.Chmod;
        }

        if (function.Contains("permission", StringComparison.Ordinal))
        {
            // security_file_permission(file, mask): MAY_WRITE is a write, anything else a read of an open file.
            foreach (var arg in Items(args))
            {
                if (arg.TryGetProperty("int_arg"u8, out var mask))
                {
                    return (JsonFields.Int64Value(mask, "int_arg"u8) & MayWrite) != 0 ? FileOperation.Write : FileOperation.Open;
                }
            }

            return FileOperation.Open;
        }

        if (function.Contains("create", StringComparison.Ordinal) || function.EndsWith("_creat", StringComparison.Ordinal))
        {
            return FileOperation.Create;
        }

        if (function.EndsWith("_write", StringComparison.Ordinal) || function == "vfs_write" || function.EndsWith("sys_write", StringComparison.Ordinal))
        {
            return FileOperation.Write;
        }

        return function.Contains("open", StringComparison.Ordinal) || function == "fd_install" ? FileOperation.Open : FileOperation.Unspecified;
    }

    private static bool IsNetwork(string function) =>
        function.Contains("connect", StringComparison.Ordinal) || function is "tcp_sendmsg" or "udp_sendmsg";

    private static bool TryConnect(JsonElement args, RuntimeEvent runtime, string function, out string skipReason)
    {
        skipReason = "";
        foreach (var arg in Items(args))
        {
            if (JsonFields.TryObject(arg, "sock_arg"u8, out var sock))
            {
                runtime.Connect = new NetworkConnect
                {
                    SourceAddress = Addresses.Parse(JsonFields.String(sock, "saddr"u8), "sock_arg.saddr"),
                    SourcePort = JsonFields.UInt32(sock, "sport"u8),
                    DestinationAddress = Addresses.Parse(JsonFields.String(sock, "daddr"u8), "sock_arg.daddr"),
                    DestinationPort = JsonFields.UInt32(sock, "dport"u8),
                    Protocol = ProtocolOf(JsonFields.String(sock, "protocol"u8)),
                };
                return true;
            }

            if (JsonFields.TryObject(arg, "sockaddr_arg"u8, out var address))
            {
                runtime.Connect = new NetworkConnect
                {
                    DestinationAddress = Addresses.Parse(JsonFields.String(address, "addr"u8), "sockaddr_arg.addr"),
                    DestinationPort = JsonFields.UInt32(address, "port"u8),
                };
                return true;
            }
        }

        skipReason = $"kprobe '{function}' carries no socket argument";
        return false;
    }

    private static Protocol ProtocolOf(string protocol) => protocol switch
    {
        "IPPROTO_TCP" => Protocol.Tcp,
        "IPPROTO_UDP" => Protocol.Udp,
        _ => Protocol.Unspecified,
    };

    private static JsonElement.ArrayEnumerator Items(JsonElement args) =>
        (args.ValueKind == JsonValueKind.Array ? args : EmptyArray).EnumerateArray();
}
