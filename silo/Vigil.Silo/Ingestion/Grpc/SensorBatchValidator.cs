using System.Globalization;
using Vigil.Contracts.Events.V1;
using Vigil.Contracts.V1;

namespace Vigil.Silo.Ingestion.Grpc;

/// <summary>
/// What makes a hello or a batch unacceptable. Checked before anything of a batch is dispatched, so a bad batch
/// changes nothing; and a stream may only speak for its own sensor and cluster, which is what a token's cluster
/// scope is checked against.
/// </summary>
public static class SensorBatchValidator
{
    /// <summary>Why the hello cannot open a stream; null when it can.</summary>
    public static string? HelloProblem(SensorHello hello)
    {
        if (hello.SensorId.Length == 0)
        {
            return "The hello carries no sensor_id.";
        }
        if (hello.Incarnation.Length == 0)
        {
            return "The hello carries no incarnation.";
        }
        if (hello.Cluster.Length == 0 || hello.Cluster.Contains('/', StringComparison.Ordinal))
        {
            return $"The hello's cluster '{hello.Cluster}' is empty or contains '/'.";
        }
        return null;
    }

    /// <summary>Why the batch is refused; null when it may be dispatched. <paramref name="previous"/> is the last sequence on this stream.</summary>
    public static string? BatchProblem(SensorHello hello, EventBatch batch, ulong previous)
    {
        if (batch.SenderId.Length > 0 && batch.SenderId != hello.SensorId)
        {
            return $"Batch {batch.Sequence} is from sender '{batch.SenderId}', not this stream's '{hello.SensorId}'.";
        }
        if (batch.SenderIncarnation.Length > 0 && batch.SenderIncarnation != hello.Incarnation)
        {
            return $"Batch {batch.Sequence} is of incarnation '{batch.SenderIncarnation}', not this stream's '{hello.Incarnation}'.";
        }
        if (batch.Sequence == 0)
        {
            return "A batch needs a sequence number (1, 2, 3, ...).";
        }
        if (batch.Sequence <= previous)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Batch {batch.Sequence} follows batch {previous}: sequences must rise within an incarnation.");
        }
        foreach (var envelope in batch.Events)
        {
            var cluster = envelope.PayloadCase switch
            {
                EventEnvelope.PayloadOneofCase.Runtime => envelope.Runtime.Context?.Cluster,
                EventEnvelope.PayloadOneofCase.Audit => envelope.Audit.Cluster,
                EventEnvelope.PayloadOneofCase.Inventory => envelope.Inventory.Cluster,
                EventEnvelope.PayloadOneofCase.Admission => envelope.Admission.Cluster,
                _ => null,
            };
            if (cluster is { Length: > 0 } && cluster != hello.Cluster)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Event {envelope.EventId} of batch {batch.Sequence} is of cluster '{cluster}', not this stream's '{hello.Cluster}'.");
            }
        }
        return null;
    }
}
