using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Grpc;
using Vigil.Grpc.Client;
using Vigil.Runtime.Remoting;
using Vigil.Runtime.Remoting.V1;
using Vigil.Runtime.Tests.Grains;
using Vigil.TestSupport;

namespace Vigil.Runtime.Tests.Remoting;

/// <summary>The call stream itself: a <see cref="RemoteGrainInvoker"/> talking to one silo that owns every shard.</summary>
public sealed class CallStreamTests : IAsyncLifetime
{
    private readonly RemoteGrainInvoker _invoker = new();
    private LoopbackGrpcHost _owner = null!;

    private string Address => _owner.Address.Authority;

    public async ValueTask InitializeAsync() => _owner = await RemoteSilo.StartAsync("B", new TestRouter());

    public async ValueTask DisposeAsync()
    {
        _invoker.Dispose();
        _owner.Gate().Open();
        await _owner.DisposeAsync();
    }

    [Fact]
    public async Task Many_concurrent_calls_travel_in_fewer_messages_than_calls()
    {
        var grains = Direct(TimeSpan.FromSeconds(30));

        var calls = Enumerable.Range(0, 2000).Select(i => grains.Get<IWhereGrain>($"pod-{i % 50}").WhereAsync($"{i}")).ToList();
        var results = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"B:{i}"), results);
        Assert.Equal(1, _invoker.Counters.StreamsOpened);
        Assert.Equal(2000, _invoker.Counters.CallsSent);
        Assert.InRange(_invoker.Counters.LargestBatch, 2, SiloCallLimits.MaxCallsPerMessage);
        Assert.InRange(_invoker.Counters.BatchesSent, 2000 / SiloCallLimits.MaxCallsPerMessage, 2000 / 10);
    }

    [Fact]
    public async Task A_call_still_waiting_for_its_result_times_out_here_and_is_not_sent_again()
    {
        // Long enough for the stream to open and the call to be written even on a loaded machine; the gate then
        // holds the call past its deadline whatever the deadline is.
        var grains = Direct(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<RpcException>(() => grains.Get<IGatedGrain>("slow").PassAsync("late"));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(1, _invoker.Counters.CallsSent);
        _owner.Gate().Open();
        Assert.Equal("B:next", await grains.Get<IGatedGrain>("slow").PassAsync("next"));
        Assert.Equal(["late", "next"], _owner.Gate().Entered);
        Assert.Equal(1, _invoker.Counters.StreamsOpened);
    }

    [Fact]
    public async Task A_call_with_no_time_left_fails_at_once_without_being_sent()
    {
        var grains = Direct(TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<RpcException>(() => grains.Get<IWhereGrain>("pod").WhereAsync("never"));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(0, _invoker.Counters.CallsSent);
    }

    [Fact]
    public async Task Calls_a_silo_was_running_when_it_went_away_fail_as_outcome_unknown_and_a_later_call_opens_a_new_stream()
    {
        var grains = Direct(TimeSpan.FromSeconds(30));
        var waiting = new[] { grains.Get<IGatedGrain>("a").PassAsync("a"), grains.Get<IGatedGrain>("b").PassAsync("b") };
        await _owner.Gate().WaitForEnteredAsync(2);
        var port = _owner.Address.Port;

        await RemoteSilo.KillAsync(_owner);

        // They ran there (the gate saw them): sending them again elsewhere could run them twice.
        foreach (var call in waiting)
        {
            Assert.Equal(StatusCode.Aborted, (await Assert.ThrowsAsync<RpcException>(() => call)).StatusCode);
        }

        // This one never reaches a silo: safe to send elsewhere.
        Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => grains.Get<IWhereGrain>("pod").WhereAsync("gone"))).StatusCode);

        _owner = await RemoteSilo.StartAsync("B-again", new TestRouter(), port: port);
        Assert.Equal("B-again:back", await grains.Get<IWhereGrain>("pod").WhereAsync("back"));
        Assert.True(_invoker.Counters.StreamsOpened >= 2, $"{_invoker.Counters.StreamsOpened} streams opened");
    }

    [Fact]
    public async Task An_owner_that_is_stopping_answers_the_calls_it_admitted_and_reads_no_more()
    {
        var grains = Direct(TimeSpan.FromSeconds(30));
        var admitted = grains.Get<IGatedGrain>("a").PassAsync("admitted");
        await _owner.Gate().WaitForEnteredAsync(1);

        // Runs the host's stopping callbacks now, the stream's among them; the host itself stops later.
        _owner.App.Lifetime.StopApplication();
        var unread = grains.Get<IGatedGrain>("b").PassAsync("unread");
        _owner.Gate().Open();

        Assert.Equal("B:admitted", await admitted);
        Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => unread)).StatusCode);
        Assert.Equal(["admitted"], _owner.Gate().Entered);
    }

    [Fact]
    public async Task A_stream_holds_at_most_the_configured_calls_in_flight_at_the_owner()
    {
        await _owner.DisposeAsync();
        _owner = await RemoteSilo.StartAsync("B", new TestRouter(), services: s => s.Configure<SiloCallServiceOptions>(o => o.MaxCallsInFlightPerStream = 2));
        var grains = Direct(TimeSpan.FromSeconds(30));
        var held = new[] { grains.Get<IGatedGrain>("a").PassAsync("a"), grains.Get<IGatedGrain>("b").PassAsync("b") };
        await _owner.Gate().WaitForEnteredAsync(2);

        var queued = grains.Get<IWhereGrain>("pod").WhereAsync("queued");

        // Another caller's stream is served meanwhile, so the owner is not simply slow: the first stream is full.
        using var other = new RemoteGrainInvoker();
        Assert.Equal("B:other", await new DirectInvoker(other, Address, TimeSpan.FromSeconds(30)).Get<IWhereGrain>("pod").WhereAsync("other"));
        Assert.False(queued.IsCompleted);

        _owner.Gate().Open();
        Assert.Equal(["B:a", "B:b"], await Task.WhenAll(held));
        Assert.Equal("B:queued", await queued);
    }

    [Fact]
    public async Task One_way_calls_hold_their_slot_at_the_owner_until_they_have_run()
    {
        await _owner.DisposeAsync();
        _owner = await RemoteSilo.StartAsync("B", new TestRouter(), services: s => s.Configure<SiloCallServiceOptions>(o => o.MaxCallsInFlightPerStream = 2));
        var grains = Direct(TimeSpan.FromSeconds(30));
        foreach (var tag in new[] { "a", "b", "c" })
        {
            await grains.Get<IGatedGrain>(tag).PassLaterAsync(tag);
        }

        await _owner.Gate().WaitForEnteredAsync(2);
        var queued = grains.Get<IWhereGrain>("pod").WhereAsync("queued");
        using var other = new RemoteGrainInvoker();
        Assert.Equal("B:other", await new DirectInvoker(other, Address, TimeSpan.FromSeconds(30)).Get<IWhereGrain>("pod").WhereAsync("other"));

        // Acknowledged at once, yet still running: the third one-way call and the next call wait for a slot.
        Assert.Equal(2, _owner.Gate().Entered.Count);
        Assert.False(queued.IsCompleted);

        _owner.Gate().Open();
        Assert.Equal("B:queued", await queued);
        await _owner.Gate().WaitForEnteredAsync(3);
    }

    [Fact]
    public async Task A_call_too_large_for_one_message_fails_alone()
    {
        var grains = Direct(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<RpcException>(() => grains.Get<IWhereGrain>("pod").WhereAsync(new string('x', SiloCallLimits.MaxMessageBytes)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("B:small", await grains.Get<IWhereGrain>("pod").WhereAsync("small"));
    }

    [Fact]
    public async Task Requests_the_owner_cannot_read_are_refused_one_by_one_and_the_rest_of_the_batch_runs()
    {
        var where = RequestCapture.Of<IWhereGrain>(g => g.WhereAsync("ok"));
        var good = new GrainCallRequest
        {
            GrainType = "test.where",
            GrainKey = "pod",
            RequestType = GrainCallCodec.TypeName(where),
            Arguments = ByteString.CopyFrom(GrainCallCodec.Encode(where)),
        };
        using var channel = new GrpcChannel(_owner.Address);
        using var call = channel.DuplexStreaming(SiloCallsApi.Call);

        await call.RequestStream.WriteAsync(new GrainCallBatch
        {
            Calls =
            {
                Changed(good, 1, r => r.RequestType = typeof(string).AssemblyQualifiedName!),
                Changed(good, 2, r => r.Arguments = ByteString.CopyFromUtf8("{not json")),
                Changed(good, 3, r => r.GrainType = string.Empty),
                Changed(good, 4, _ => { }),
            },
        }, TestContext.Current.CancellationToken);
        var results = await ReadResultsAsync(call, 4);
        await call.RequestStream.WriteAsync(new GrainCallBatch { Calls = { Changed(good, 5, _ => { }) } }, TestContext.Current.CancellationToken);
        var later = await ReadResultsAsync(call, 1);

        foreach (var id in new ulong[] { 1, 2, 3 })
        {
            Assert.Equal(GrainCallResult.OutcomeOneofCase.Failure, results[id].OutcomeCase);
            Assert.Equal((int)StatusCode.InvalidArgument, results[id].Failure.Code);
        }

        Assert.Contains("not a generated grain request", results[1].Failure.Detail, StringComparison.Ordinal);
        Assert.Equal("B:ok", GrainCallCodec.DecodeResult<string>(results[4].Value.Span));
        Assert.Equal("B:ok", GrainCallCodec.DecodeResult<string>(later[5].Value.Span));
    }

    private DirectInvoker Direct(TimeSpan timeout) => new(_invoker, Address, timeout);

    private static GrainCallRequest Changed(GrainCallRequest request, ulong id, Action<GrainCallRequest> change)
    {
        var copy = request.Clone();
        copy.CallId = id;
        change(copy);
        return copy;
    }

    private static async Task<Dictionary<ulong, GrainCallResult>> ReadResultsAsync(AsyncDuplexStreamingCall<GrainCallBatch, GrainCallResultBatch> call, int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var results = new Dictionary<ulong, GrainCallResult>();
        while (results.Count < count)
        {
            Assert.True(await call.ResponseStream.MoveNext(limit.Token), $"The stream ended after {results.Count} of {count} results.");
            foreach (var result in call.ResponseStream.Current.Results)
            {
                results.Add(result.CallId, result);
            }
        }

        return results;
    }
}
