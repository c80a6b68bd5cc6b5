using Google.Protobuf.Reflection;
using Vigil.Grpc.Health.V1;

namespace Vigil.Grpc.Health;

/// <summary>The methods of <c>grpc.health.v1.Health</c>, for servers and clients alike.</summary>
public static class HealthApi
{
    public static readonly ServiceDescriptor Descriptor = HealthReflection.Descriptor.Services[0];

    public static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(Descriptor, "Check");

    public static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch =
        Method<HealthCheckRequest, HealthCheckResponse>.FromDescriptor(Descriptor, "Watch");
}
