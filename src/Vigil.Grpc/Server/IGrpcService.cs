namespace Vigil.Grpc.Server;

/// <summary>A gRPC service implementation: binds a handler to each method of its .proto service.</summary>
public interface IGrpcService
{
    void Bind(GrpcServiceBinder binder);
}
