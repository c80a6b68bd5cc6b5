namespace Vigil.Silo.Ingestion;

/// <summary>
/// Counts the events this silo accepted (sensor stream, HTTP ingestion, the demo) and their rate over the last
/// <see cref="WindowSeconds"/> whole seconds, for the operators' page. One bucket per second in a ring: recording
/// costs a lock and an add, reading sums ten numbers.
/// </summary>
public sealed class EventRateMeter(TimeProvider time)
{
    public const int WindowSeconds = 10;

    private readonly Lock _gate = new();
    private readonly long[] _counts = new long[WindowSeconds + 1];
    private readonly long[] _seconds = new long[WindowSeconds + 1];
    private long _total;

    public void Add(int events)
    {
        if (events <= 0)
        {
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var slot = (int)(now % _counts.Length);
        lock (_gate)
        {
            if (_seconds[slot] != now)
            {
                _seconds[slot] = now;
                _counts[slot] = 0;
            }
            _counts[slot] += events;
            _total += events;
        }
    }

    /// <summary>Events accepted since the silo started.</summary>
    public long Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>The mean rate over the last whole seconds; the current, partial second is left out.</summary>
    public double PerSecond
    {
        get
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            long sum = 0;
            lock (_gate)
            {
                for (var i = 0; i < _counts.Length; i++)
                {
                    if (_seconds[i] < now && _seconds[i] >= now - WindowSeconds)
                    {
                        sum += _counts[i];
                    }
                }
            }
            return sum / (double)WindowSeconds;
        }
    }
}
