using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities;

/// <summary>
/// The latest counts per reporter, bounded: past <paramref name="capacity"/> reporters the one heard from least
/// recently is dropped (a pod long gone, most likely). Sums are over what is kept.
/// </summary>
public sealed class CountsBook(Dictionary<string, ReportedCounts> reports, int capacity)
{
    /// <summary>Takes a report; false when it is not newer than the one already held, which then stands.</summary>
    public bool Accept(string reporter, long sequence, AlertCounts counts, long order)
    {
        if (reports.TryGetValue(reporter, out var known) && known.Sequence >= sequence)
        {
            return false;
        }
        BoundedMap.MakeRoom(reports, reporter, capacity, r => r.Order);
        reports[reporter] = new ReportedCounts(sequence, counts, order);
        return true;
    }

    public AlertCounts Total() => reports.Values.Aggregate(AlertCounts.None, (sum, r) => sum.Plus(r.Counts));
}
