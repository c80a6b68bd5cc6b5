using Google.Protobuf.Reflection;
using Vigil.Grpc;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Remoting;

public static class SiloCallsApi
{
    public static readonly ServiceDescriptor Descriptor = SiloCallsReflection.Descriptor.Services[0];

    public static readonly Method<GrainCallBatch, GrainCallResultBatch> Call =
        Method<GrainCallBatch, GrainCallResultBatch>.FromDescriptor(Descriptor, "Call");
}
