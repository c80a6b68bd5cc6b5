using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Runtime;

/// <summary>Tetragon's <c>Process</c> object (process, parent, ancestors[]) and its <c>pod</c> to our model.</summary>
internal static class TetragonProcessMapper
{
    public static Process Map(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRecordException($"a Tetragon process must be an object, not {p.ValueKind.ToString().ToLowerInvariant()}");
        }

        var process = new Process
        {
            Pid = JsonFields.UInt32(p, "pid"u8),
            Binary = JsonFields.String(p, "binary"u8),
            Cwd = JsonFields.String(p, "cwd"u8),
            Uid = JsonFields.UInt32(p, "uid"u8),
            StartTimeUnixNano = JsonFields.Time(p, "start_time"u8),
            ExecId = JsonFields.String(p, "exec_id"u8),
        };
        ArgumentSplitter.Split(JsonFields.String(p, "arguments"u8), process.Args);
        if (JsonFields.TryObject(p, "user"u8, out var user))
        {
            process.User = JsonFields.String(user, "name"u8);
        }

        return process;
    }

    /// <summary>Fills the context from the acting process's pod; a host process has no pod and leaves it empty.</summary>
    public static void MapPod(JsonElement p, EventContext context)
    {
        if (!JsonFields.TryObject(p, "pod"u8, out var pod))
        {
            // Without Kubernetes enrichment only the short docker id is known; it is still the container.
            context.ContainerId = JsonFields.String(p, "docker"u8);
            return;
        }

        context.PodNamespace = JsonFields.String(pod, "namespace"u8);
        context.PodName = JsonFields.String(pod, "name"u8);
        context.PodUid = JsonFields.String(pod, "uid"u8);
        if (JsonFields.TryObject(pod, "container"u8, out var container))
        {
            context.ContainerId = ContainerIds.Normalise(JsonFields.String(container, "id"u8));
            context.ContainerName = JsonFields.String(container, "name"u8);
            if (JsonFields.TryObject(container, "image"u8, out var image))
            {
                context.Image = JsonFields.String(image, "name"u8);
                context.ImageDigest = ContainerIds.Digest(JsonFields.String(image, "id"u8));
            }
        }
    }
}
