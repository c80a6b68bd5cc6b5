using System.Text.Json;
using Vigil.Grpc.Tests.Support;
using Vigil.TestSupport;

namespace Vigil.Grpc.Tests;

/// <summary>The grpc-js client (tests/node/interop-client.js) against Vigil's server.</summary>
public sealed class GrpcJsClientInteropTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await TestGrpcServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Unary_round_trips_text_bytes_and_authorization()
    {
        var result = await RunAsync("unary");

        Assert.Equal("héllo wörld ✓", result.GetProperty("text").GetString());
        Assert.Equal(42, result.GetProperty("sequence").GetInt32());
        Assert.True(result.GetProperty("payloadOk").GetBoolean());
        Assert.Equal("Bearer interop-token", result.GetProperty("authorization").GetString());
    }

    [Fact]
    public async Task Gzip_compressed_unary_is_accepted()
    {
        var result = await RunAsync("unary-gzip");

        Assert.Equal(65536, result.GetProperty("payloadLength").GetInt32());
        Assert.True(result.GetProperty("payloadOk").GetBoolean());
    }

    [Fact]
    public async Task Server_streaming_delivers_every_reply_in_order()
    {
        var result = await RunAsync("server-stream");

        Assert.Equal(100, result.GetProperty("count").GetInt32());
        Assert.True(result.GetProperty("inOrder").GetBoolean());
    }

    [Fact]
    public async Task Client_streaming_delivers_every_request()
    {
        var result = await RunAsync("client-stream");

        Assert.Equal(100, result.GetProperty("sequence").GetInt32());
        Assert.Equal("part-99", result.GetProperty("text").GetString());
        Assert.Equal(100 * 1024, result.GetProperty("payloadLength").GetInt32());
    }

    [Fact]
    public async Task Bidirectional_stream_of_ten_thousand_messages_is_echoed_in_order()
    {
        var result = await RunAsync("bidi-10k");

        Assert.Equal(10_000, result.GetProperty("received").GetInt32());
        Assert.True(result.GetProperty("inOrder").GetBoolean());
        Assert.True(result.GetProperty("textsOk").GetBoolean());
    }

    [Fact]
    public async Task Error_status_carries_its_non_ascii_message()
    {
        var result = await RunAsync("error");

        Assert.Equal((int)StatusCode.PermissionDenied, result.GetProperty("code").GetInt32());
        Assert.Equal("accès refusé: ключ недействителен ✓ 100%", result.GetProperty("details").GetString());
    }

    [Fact]
    public async Task Exceeded_deadline_gives_deadline_exceeded_and_cancels_the_handler()
    {
        var result = await RunAsync("deadline");

        Assert.Equal((int)StatusCode.DeadlineExceeded, result.GetProperty("code").GetInt32());
        Assert.Equal("Unary", await _server.Interop.Cancelled.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task Cancelled_stream_is_seen_as_cancelled_by_the_handler()
    {
        var result = await RunAsync("cancel");

        Assert.True(result.GetProperty("echoed").GetBoolean());
        Assert.Equal((int)StatusCode.Cancelled, result.GetProperty("code").GetInt32());
        Assert.Equal("Bidi", await _server.Interop.Cancelled.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task Oversized_request_gives_resource_exhausted()
    {
        var result = await RunAsync("too-large");

        Assert.Equal((int)StatusCode.ResourceExhausted, result.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Health_check_answers_serving()
    {
        var result = await RunAsync("health");

        Assert.Equal("SERVING", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_check_of_an_unknown_service_answers_not_found()
    {
        var result = await RunAsync("health-unknown");

        Assert.Equal((int)StatusCode.NotFound, result.GetProperty("code").GetInt32());
    }

    private Task<JsonElement> RunAsync(string caseName) =>
        NodePeer.RunClientCaseAsync(_server.Address.Authority, caseName, Ct);
}
