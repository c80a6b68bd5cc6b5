using System.Buffers;
using Google.Protobuf;
using Vigil.Grpc.Protocol;
using Vigil.Grpc.Tests.Interop;

namespace Vigil.Grpc.Tests.Protocol;

public sealed class MessageFramingTests
{
    [Fact]
    public void An_empty_message_is_five_zero_bytes_and_a_serving_status_is_framed_as_published()
    {
        var empty = new ArrayBufferWriter<byte>();
        var serving = new ArrayBufferWriter<byte>();

        MessageFraming.WriteMessage(empty, new Vigil.Grpc.Health.V1.HealthCheckRequest(), int.MaxValue, gzip: false);
        MessageFraming.WriteMessage(
            serving,
            new Vigil.Grpc.Health.V1.HealthCheckResponse { Status = Vigil.Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving },
            int.MaxValue,
            gzip: false);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, empty.WrittenSpan.ToArray());
        Assert.Equal(new byte[] { 0, 0, 0, 0, 2, 8, 1 }, serving.WrittenSpan.ToArray());
    }

    [Fact]
    public void Messages_split_across_arbitrary_segments_are_read_whole_and_in_order()
    {
        var writer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < 20; i++)
        {
            MessageFraming.WriteMessage(writer, new EchoRequest { Sequence = i, Text = new string('x', i * 37) }, int.MaxValue, gzip: i % 3 == 0);
        }

        var sequence = SplitIntoSegments(writer.WrittenSpan.ToArray(), segmentSize: 7);
        var read = new List<int>();
        while (MessageFraming.TryReadMessage(ref sequence, int.MaxValue, out var compressed, out var payload))
        {
            read.Add(MessageFraming.ParseMessage(EchoRequest.Parser, payload, compressed, "gzip", int.MaxValue).Sequence);
        }

        Assert.Equal(Enumerable.Range(0, 20), read);
        Assert.Equal(0, sequence.Length);
    }

    [Fact]
    public void A_partial_message_is_left_for_more_data()
    {
        var writer = new ArrayBufferWriter<byte>();
        MessageFraming.WriteMessage(writer, new EchoRequest { Text = "partial" }, int.MaxValue, gzip: false);
        var sequence = new ReadOnlySequence<byte>(writer.WrittenMemory[..^1]);

        Assert.False(MessageFraming.TryReadMessage(ref sequence, int.MaxValue, out _, out _));
        Assert.Equal(writer.WrittenCount - 1, sequence.Length);
    }

    [Fact]
    public void An_oversized_length_is_refused_from_the_header_alone()
    {
        var sequence = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0x10, 0, 0 });

        var error = Assert.Throws<RpcException>(() => MessageFraming.TryReadMessage(ref sequence, 1024, out _, out _));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void A_gzip_bomb_is_refused_as_oversized()
    {
        var writer = new ArrayBufferWriter<byte>();
        MessageFraming.WriteMessage(writer, new EchoRequest { Payload = ByteString.CopyFrom(new byte[1_000_000]) }, int.MaxValue, gzip: true);
        var sequence = new ReadOnlySequence<byte>(writer.WrittenMemory);
        Assert.True(MessageFraming.TryReadMessage(ref sequence, 64 * 1024, out var compressed, out var payload));

        var error = Assert.Throws<RpcException>(() => MessageFraming.ParseMessage(EchoRequest.Parser, payload, compressed, "gzip", 64 * 1024));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void A_compressed_flag_without_an_encoding_and_garbage_bytes_are_internal_errors()
    {
        var garbage = new ReadOnlySequence<byte>(new byte[] { 0xFF, 0xFF, 0xFF });

        Assert.Equal(StatusCode.Internal, Assert.Throws<RpcException>(() => MessageFraming.ParseMessage(EchoRequest.Parser, garbage, true, null, 1024)).StatusCode);
        Assert.Equal(StatusCode.Internal, Assert.Throws<RpcException>(() => MessageFraming.ParseMessage(EchoRequest.Parser, garbage, false, null, 1024)).StatusCode);
    }

    private static ReadOnlySequence<byte> SplitIntoSegments(byte[] data, int segmentSize)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < data.Length; offset += segmentSize)
        {
            var memory = data.AsMemory(offset, Math.Min(segmentSize, data.Length - offset));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
