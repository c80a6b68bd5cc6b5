using Google.Protobuf.Reflection;
using Vigil.Benchmarks.Messages;
using Vigil.Grpc;

namespace Vigil.Benchmarks.Grpc;

public static class BenchApi
{
    public static readonly ServiceDescriptor Descriptor = BenchReflection.Descriptor.Services[0];

    public static readonly Method<BenchBatch, BenchAck> Ingest = Method<BenchBatch, BenchAck>.FromDescriptor(Descriptor, "Ingest");

    public static readonly Method<Ping, Ping> Echo = Method<Ping, Ping>.FromDescriptor(Descriptor, "Echo");
}
