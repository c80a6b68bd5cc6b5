namespace Vigil.Runtime.Tests.Grains;

/// <summary>Counts turns in flight; grains report into it, tests read the peak.</summary>
public sealed class ConcurrencyProbe
{
    private int _inFlight;
    private int _peak;

    public int Peak => Volatile.Read(ref _peak);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
    }

    public void Leave() => Interlocked.Decrement(ref _inFlight);
}
