using Vigil.Grains.Alerts;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Puts a finding's earlier events in front of its own evidence on the alert the ledger just raised or added to,
/// so one firing of a chain counts once and still shows all its steps. The ledger takes one evidence per firing;
/// this keeps its bound the way it does, the alert's first evidence and the latest ones.
/// </summary>
public static class EvidenceChain
{
    public static void Insert(List<Alert> alerts, AlertEvidence raised, IReadOnlyList<AlertEvidence> preceding, int maxEvidence)
    {
        if (preceding.Count == 0)
        {
            return;
        }
        var index = alerts.FindLastIndex(a => a.Evidence.Count > 0 && ReferenceEquals(a.Evidence[^1], raised));
        if (index < 0)
        {
            return;
        }
        var evidence = new List<AlertEvidence>(alerts[index].Evidence);
        evidence.InsertRange(evidence.Count - 1, preceding);
        while (evidence.Count > maxEvidence)
        {
            evidence.RemoveAt(Math.Min(1, evidence.Count - 1));
        }
        alerts[index] = alerts[index] with { Evidence = evidence };
    }
}
