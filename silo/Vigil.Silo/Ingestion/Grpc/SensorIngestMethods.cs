using Vigil.Contracts.V1;
using Vigil.Grpc;

namespace Vigil.Silo.Ingestion.Grpc;

/// <summary>The method of <c>vigil.v1.SensorIngest</c>, taken from the .proto's descriptor.</summary>
public static class SensorIngestMethods
{
    public static readonly Method<SensorMessage, IngestReply> Stream =
        Method<SensorMessage, IngestReply>.FromDescriptor(SensorIngestReflection.Descriptor.Services[0], "Stream");
}
