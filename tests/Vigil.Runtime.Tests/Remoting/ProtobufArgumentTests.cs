using Google.Protobuf;
using Vigil.Runtime.Remoting;
using Vigil.Runtime.Remoting.V1;

namespace Vigil.Runtime.Tests.Remoting;

/// <summary>
/// Protobuf messages as grain-call arguments and results between silos: generated messages hide repeated fields and
/// oneofs behind read-only properties, which plain JSON would drop on the way.
/// </summary>
public sealed class ProtobufArgumentTests
{
    [Fact]
    public void A_list_of_messages_with_repeated_fields_and_oneofs_survives_the_codec()
    {
        var batch = new GrainCallBatch();
        batch.Calls.Add(new GrainCallRequest { CallId = 7, GrainType = "vigil.pod", GrainKey = "c/ns/uid", Arguments = ByteString.CopyFromUtf8("{}") });
        var results = new GrainCallResultBatch();
        results.Results.Add(new GrainCallResult { CallId = 7, Error = new GrainCallError { Type = "X", Message = "boom" } });

        var decodedBatch = GrainCallCodec.DecodeResult<List<GrainCallBatch>>(GrainCallCodec.EncodeResult(new List<GrainCallBatch> { batch }, typeof(List<GrainCallBatch>)));
        var decodedResults = GrainCallCodec.DecodeResult<GrainCallResultBatch>(GrainCallCodec.EncodeResult(results, typeof(GrainCallResultBatch)));

        Assert.Equal(batch, Assert.Single(decodedBatch));
        Assert.Equal(results, decodedResults);
        Assert.Equal("boom", decodedResults.Results[0].Error.Message);
    }

    [Fact]
    public void A_null_message_stays_null_and_a_wrong_token_is_refused()
    {
        Assert.Null(GrainCallCodec.DecodeResult<GrainCallError?>("null"u8));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => GrainCallCodec.DecodeResult<GrainCallError>("{\"type\":\"x\"}"u8));
    }
}
