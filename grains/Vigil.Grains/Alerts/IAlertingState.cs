using Vigil.Grains.Entities;

namespace Vigil.Grains.Alerts;

/// <summary>
/// The part of a grain's state that holds its alerts, the sequence of its last counts report, and the last batch it
/// applied per sender (so a replayed batch changes nothing twice).
/// </summary>
public interface IAlertingState
{
    List<Alert> Alerts { get; }

    long ReportSequence { get; set; }

    Dictionary<string, AppliedBatch> AppliedBatches { get; }

    /// <summary>A counter that orders insertions into the state's bounded collections, for oldest-first eviction.</summary>
    long NextOrder { get; set; }
}
