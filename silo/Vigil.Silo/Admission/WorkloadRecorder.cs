using System.Text.Json;
using Google.Protobuf;
using Vigil.Contracts.Events.V1;
using Vigil.Grains.Entities;
using Vigil.Runtime;

namespace Vigil.Silo.Admission;

/// <summary>
/// Records an admitted workload in its cluster grain as an incremental inventory update of one object, which keeps
/// the configuration and yields its posture findings; a deleted one is removed. A pod named by generateName
/// (a controller's replica) is recorded under that prefix: its replicas share one template, so one entry.
/// </summary>
public sealed class WorkloadRecorder(IGrainFactory grains)
{
    public Task RecordAsync(string cluster, AdmissionRequestInfo request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deleted = request.Operation == "DELETE";
        var workload = deleted ? request.OldObject : request.Object;
        if (workload.ValueKind != JsonValueKind.Object)
        {
            return Task.CompletedTask;
        }
        var name = MetadataString(workload, "name") ?? (request.Name.Length > 0 ? request.Name : MetadataString(workload, "generateName"));
        if (name is null)
        {
            return Task.CompletedTask;
        }
        var value = new InventoryObject
        {
            Kind = request.Kind,
            Namespace = request.Namespace.Length > 0 ? request.Namespace : MetadataString(workload, "namespace") ?? "",
            Name = name,
            Uid = MetadataString(workload, "uid") ?? "",
            ResourceVersion = MetadataString(workload, "resourceVersion") ?? "",
            Json = ByteString.CopyFromUtf8(workload.GetRawText()),
            Deleted = deleted,
        };
        var snapshot = new InventorySnapshot { Cluster = cluster, Complete = false, Kinds = { request.Kind }, Objects = { value } };
        return grains.GetGrain<IClusterGrain>(EntityKeys.Cluster(cluster)).ApplyInventoryAsync(snapshot);
    }

    public static string? MetadataString(JsonElement workload, string name) =>
        workload.ValueKind == JsonValueKind.Object && workload.TryGetProperty("metadata", out var metadata)
        && metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
