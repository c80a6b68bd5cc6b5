using Vigil.Grpc.Server;

namespace Vigil.Grpc.Tests.Support;

/// <summary>A service whose bindings a test writes inline, for behaviour the interop service does not cover.</summary>
public sealed class DelegateGrpcService(Action<GrpcServiceBinder> bind) : IGrpcService
{
    public void Bind(GrpcServiceBinder binder) => bind(binder);
}
