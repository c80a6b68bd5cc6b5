using Vigil.Grains.Entities.Detectors;

namespace Vigil.Grains.Tests.Entities.Detectors;

public sealed class SlidingWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Counts_distinct_keys_whose_latest_sighting_is_inside_the_window()
    {
        var window = new SlidingWindow();
        window.Add("id", "id", Start, Minute, 10);
        window.Add("id", "id", Start.AddSeconds(10), Minute, 10);
        window.Add("uname", "uname -a", Start.AddSeconds(20), Minute, 10);

        Assert.Equal(2, window.Count(Start.AddSeconds(30), Minute));
        // The repeat of id at 10 s keeps it in until 70 s; uname stays until 80 s.
        Assert.Equal(2, window.Count(Start.AddSeconds(69), Minute));
        Assert.Equal(1, window.Count(Start.AddSeconds(70), Minute));
        Assert.Equal(0, window.Count(Start.AddSeconds(80), Minute));
        Assert.Equal(["uname"], window.Current(Start.AddSeconds(75), Minute).Select(e => e.Key));
    }

    [Fact]
    public void Past_its_capacity_the_key_seen_least_recently_goes_and_expired_keys_go_first()
    {
        var window = new SlidingWindow();
        window.Add("a", "", Start, Minute, 2);
        window.Add("b", "", Start.AddSeconds(1), Minute, 2);
        window.Add("a", "", Start.AddSeconds(2), Minute, 2);
        window.Add("c", "", Start.AddSeconds(3), Minute, 2);

        Assert.Equal(["a", "c"], window.Current(Start.AddSeconds(3), Minute).Select(e => e.Key));

        // b and a expired by now: adding d evicts nothing that still counts.
        window.Add("d", "", Start.AddSeconds(62), Minute, 2);
        Assert.Equal(["c", "d"], window.Current(Start.AddSeconds(62), Minute).Select(e => e.Key));
        Assert.Equal(2, window.Entries.Count);
    }

    [Fact]
    public void Find_sees_only_a_sighting_inside_the_window()
    {
        var window = new SlidingWindow();
        window.Add("301/x", "203.0.113.9:443", Start, Minute, 4);

        Assert.Equal("203.0.113.9:443", window.Find("301/x", Start.AddSeconds(59), Minute)?.Note);
        Assert.Null(window.Find("301/x", Start.AddSeconds(60), Minute));
        Assert.Null(window.Find("302/x", Start, Minute));
    }
}
