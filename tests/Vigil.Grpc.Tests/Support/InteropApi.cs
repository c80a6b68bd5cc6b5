using Google.Protobuf.Reflection;
using Vigil.Grpc.Tests.Interop;

namespace Vigil.Grpc.Tests.Support;

public static class InteropApi
{
    public static readonly ServiceDescriptor Descriptor = InteropReflection.Descriptor.Services[0];

    public static readonly Method<EchoRequest, EchoReply> Unary = Method<EchoRequest, EchoReply>.FromDescriptor(Descriptor, "Unary");

    public static readonly Method<EchoRequest, EchoReply> ServerStream = Method<EchoRequest, EchoReply>.FromDescriptor(Descriptor, "ServerStream");

    public static readonly Method<EchoRequest, EchoReply> ClientStream = Method<EchoRequest, EchoReply>.FromDescriptor(Descriptor, "ClientStream");

    public static readonly Method<EchoRequest, EchoReply> Bidi = Method<EchoRequest, EchoReply>.FromDescriptor(Descriptor, "Bidi");
}
