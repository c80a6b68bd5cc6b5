using Vigil.Runtime.Tests.Grains;
using Vigil.Runtime.Tests.Support;

namespace Vigil.Runtime.Tests;

/// <summary>Work that meets a grain while it deactivates: nothing runs twice, nothing comes back uninvited, nothing acknowledged is lost.</summary>
public sealed class LifecycleEdgeTests
{
    [Fact]
    public async Task A_timer_tick_queued_behind_a_deactivation_does_not_bring_the_grain_back()
    {
        await using var silo = await TestSilo.StartAsync(null);
        var grain = silo.Grains.GetGrain<IProbeGrain>("ticking-out");
        await grain.StartTimerAsync(TimeSpan.FromSeconds(1));
        var held = grain.HangAsync();
        var leaving = grain.SelfDestructAsync();

        silo.Clock.Advance(TimeSpan.FromSeconds(1));
        silo.Gate.Open();
        await held;
        await leaving;
        await silo.Journal.WaitForAsync("deactivated test.probe/ticking-out Requested");
        await silo.Runtime.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, silo.Journal.Count("activated test.probe/ticking-out"));
        Assert.Equal(0, silo.Journal.Count("deactivated test.probe/ticking-out Shutdown"));
    }

    [Fact]
    public async Task A_call_that_meets_a_grain_deactivating_for_shutdown_fails_rather_than_being_acknowledged_and_lost()
    {
        using var storage = TestStorage.Create(TestStorage.Sqlite);
        await using (var silo = await TestSilo.StartAsync(storage))
        {
            var grain = silo.Grains.GetGrain<ISlowNoteGrain>("late");
            await grain.SetLaterAsync("first");
            var stopping = silo.Runtime.StopAsync(TestContext.Current.CancellationToken);
            await silo.Journal.WaitForAsync("deactivated test.slownote/late Shutdown");

            var late = grain.SetLaterAsync("second");
            silo.Gate.Open();
            await stopping;

            await Assert.ThrowsAsync<InvalidOperationException>(() => late);
            Assert.Equal(0, silo.Runtime.ActivationCount);
        }

        await using var again = await TestSilo.StartAsync(storage);
        again.Gate.Open();
        Assert.Equal("first", await again.Grains.GetGrain<ISlowNoteGrain>("late").GetAsync());
    }

    [Fact]
    public async Task A_slow_deactivation_hook_holds_the_next_activation_back_until_its_state_is_written()
    {
        using var storage = TestStorage.Create(TestStorage.Sqlite);
        await using var silo = await TestSilo.StartAsync(storage, o => o.DeactivationTimeout = TimeSpan.FromSeconds(5));
        var grain = silo.Grains.GetGrain<ISlowNoteGrain>("slow");
        await grain.SetLaterAsync("written on the way out");

        silo.Clock.Advance(TimeSpan.FromMinutes(16));
        await silo.Journal.WaitForAsync("deactivated test.slownote/slow Idle");
        silo.Clock.Advance(TimeSpan.FromSeconds(6));
        var read = grain.GetAsync();
        silo.Gate.Open();

        Assert.Equal("written on the way out", await read);
        Assert.Equal(2, silo.Journal.Count("activated test.slownote/slow"));
    }
}
