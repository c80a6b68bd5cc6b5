using System.Runtime.CompilerServices;
using Vigil.Runtime.Tests.Grains;
using Vigil.Runtime.Tests.Support;

namespace Vigil.Runtime.Tests;

public sealed class CallArgumentTests
{
    [Fact]
    public async Task A_running_call_no_longer_holds_its_arguments()
    {
        await using var silo = await TestSilo.StartAsync(null);
        var grain = silo.Grains.GetGrain<IProbeGrain>("taking");
        await grain.RecordedAsync();

        var (call, payload) = StartCall(grain);
        try
        {
            await AssertLetGoAsync(silo, payload);
        }
        finally
        {
            silo.Gate.Open();
        }

        await call;
    }

    private static async Task AssertLetGoAsync(TestSilo silo, WeakReference payload)
    {
        await silo.Gate.Entered.WaitAsync(TestContext.Current.CancellationToken);

        // The thread that ran the grain's method may still be returning from it; once it has, nothing but the call
        // could keep the payload. Each look collects; one that never lets it go fails at the deadline.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (payload.IsAlive && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Only the grain could keep it now, and it did not: the call, still running, let its arguments go.
        Assert.False(payload.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Task Call, WeakReference Payload) StartCall(IProbeGrain grain)
    {
        var payload = new byte[1024];
        return (grain.TakeAndHangAsync(payload), new WeakReference(payload));
    }
}
