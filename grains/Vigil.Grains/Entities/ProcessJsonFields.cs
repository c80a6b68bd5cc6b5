using System.Text.Json;

namespace Vigil.Grains.Entities;

/// <summary>
/// The fields every stored process row starts with, in one order (pid, ppid, binary, args, uid, user, cwd): the pod's
/// process tree and the download chain's process table write the same leading columns, and they must stay alike.
/// </summary>
public static class ProcessJsonFields
{
    public static void Write(Utf8JsonWriter writer, uint pid, uint ppid, string binary, IEnumerable<string> args, uint uid, string user, string cwd)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(args);
        writer.WriteNumberValue(pid);
        writer.WriteNumberValue(ppid);
        writer.WriteStringValue(binary);
        writer.WriteStartArray();
        foreach (var arg in args)
        {
            writer.WriteStringValue(arg);
        }
        writer.WriteEndArray();
        writer.WriteNumberValue(uid);
        writer.WriteStringValue(user);
        writer.WriteStringValue(cwd);
    }
}
