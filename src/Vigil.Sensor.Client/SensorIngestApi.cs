using Google.Protobuf.Reflection;
using Vigil.Contracts.V1;
using Vigil.Grpc;

namespace Vigil.Sensor.Client;

/// <summary>The method of <c>vigil.v1.SensorIngest</c>, for the silo and for senders alike.</summary>
public static class SensorIngestApi
{
    public static readonly ServiceDescriptor Descriptor = SensorIngestReflection.Descriptor.Services[0];

    public static readonly Method<SensorMessage, IngestReply> Stream =
        Method<SensorMessage, IngestReply>.FromDescriptor(Descriptor, "Stream");
}
