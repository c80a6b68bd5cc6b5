using Vigil.Runtime.Tests.Grains;
using Vigil.Runtime.Tests.Support;

namespace Vigil.Runtime.Tests;

public sealed class TurnTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task A_thousand_concurrent_calls_to_one_grain_all_complete_and_never_overlap(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage);
        var grain = silo.Grains.GetGrain<ICounterGrain>("one");

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => grain.WorkAsync())));

        Assert.Equal(1, silo.Probe.Peak);
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(1000, await grain.GetCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task References_are_generated_for_every_return_shape(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage);

        var who = await silo.Grains.GetGrain<ICounterGrain>("named/key").WhoAmIAsync();

        Assert.Equal("test.counter/named/key", who);
        Assert.Equal("test.counter/named/key", silo.Grains.GetGrain<ICounterGrain>("named/key").ToString());
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task A_grain_exception_reaches_the_caller_with_its_type_and_message(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage);
        var grain = silo.Grains.GetGrain<IProbeGrain>("failing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("the pod grain is confused"));

        Assert.Equal("the pod grain is confused", error.Message);
        Assert.Empty(await grain.RecordedAsync());
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task A_call_that_outlives_the_timeout_fails_with_a_clear_timeout(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage, o => o.CallTimeout = TimeSpan.FromSeconds(30));
        var grain = silo.Grains.GetGrain<IProbeGrain>("hanging");
        await grain.RecordedAsync();

        var hang = grain.HangAsync();
        silo.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(hang.IsCompleted);
        silo.Clock.Advance(TimeSpan.FromSeconds(8));
        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => hang);

        Assert.Contains("IProbeGrain.HangAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.probe/hanging", error.Message, StringComparison.Ordinal);
        Assert.Contains("30", error.Message, StringComparison.Ordinal);
        silo.Gate.Open();
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task Timer_ticks_run_as_turns_on_the_runtime_clock(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage);
        var grain = silo.Grains.GetGrain<IProbeGrain>("ticking");
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, await grain.TimerTicksAsync());
        for (var i = 1; i <= 3; i++)
        {
            silo.Clock.Advance(TimeSpan.FromSeconds(10));

            // A call queued after the tick runs after it: one turn at a time, in order.
            Assert.Equal(i, await grain.TimerTicksAsync());
        }

        Assert.Equal(1, silo.Probe.Peak);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task One_way_calls_return_at_once_run_in_order_and_their_failures_stay_with_the_grain(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage);
        var grain = silo.Grains.GetGrain<IProbeGrain>("one-way");

        var sent = new[] { grain.RecordAsync("a"), grain.RecordAsync("boom"), grain.RecordAsync("b") };

        Assert.All(sent, task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Equal(["a", "b"], await grain.RecordedAsync());
    }

    [Theory]
    [MemberData(nameof(TestStorage.Kinds), MemberType = typeof(TestStorage))]
    public async Task A_grain_type_without_an_implementation_fails_its_calls_clearly(string kind)
    {
        using var storage = TestStorage.Create(kind);
        await using var silo = await TestSilo.StartAsync(storage);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grains.GetGrain<IUnregisteredGrain>("x").PingAsync());

        Assert.Contains("No grain implementation is registered for grain type 'test.unregistered'", error.Message, StringComparison.Ordinal);
    }
}
