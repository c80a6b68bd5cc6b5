using Vigil.Grains.Detection;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Alerts;

/// <summary>Runs the rule set on one event and raises an alert for each match a grain keeps.</summary>
public sealed class RuleAlerts
{
    // Reused across events; safe because a grain's turns never overlap.
    private readonly List<CompiledRule<DetectionEvent>> _matches = [];

    /// <summary>True when some match opened a new alert rather than adding to one.</summary>
    public bool Raise(
        RuleSet<DetectionEvent> ruleSet, DetectionEvent subject, AlertLedger ledger, AlertEntity entity,
        Func<string, AlertEvidence> evidence, Func<CompiledRule<DetectionEvent>, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(evidence);
        var opened = false;
        foreach (var rule in Match(ruleSet, subject))
        {
            if (keep is null || keep(rule))
            {
                opened |= ledger.Raise(rule.Metadata, entity, evidence(rule.Output.Render(subject)));
            }
        }
        return opened;
    }

    /// <summary>
    /// The rules the event matches, in a list reused by the next call: for a caller that builds the alert's entity
    /// and evidence only when something matched, as nearly every event matches nothing.
    /// </summary>
    public IReadOnlyList<CompiledRule<DetectionEvent>> Match(RuleSet<DetectionEvent> ruleSet, DetectionEvent subject)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _matches.Clear();
        ruleSet.Evaluate(subject, subject.Source, _matches);
        return _matches;
    }
}
