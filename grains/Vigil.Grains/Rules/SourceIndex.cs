using System.Collections.Frozen;

namespace Vigil.Grains.Rules;

/// <summary>
/// The enabled rules of one source, split into those pinned to event types and those that are not, so an event
/// is only offered to rules that can possibly match its type.
/// </summary>
internal sealed class SourceIndex<TEvent>
{
    private static readonly CompiledRule<TEvent>[] None = [];

    private readonly CompiledRule<TEvent>[] _anyType;
    private readonly FrozenDictionary<string, CompiledRule<TEvent>[]> _byType;

    public SourceIndex(IEnumerable<CompiledRule<TEvent>> rules)
    {
        var ordered = rules.OrderBy(r => r.Ordinal).ToList();
        _anyType = [.. ordered.Where(r => r.EventTypes is null)];
        _byType = ordered
            .Where(r => r.EventTypes is not null)
            .SelectMany(r => r.EventTypes!, (rule, type) => (rule, type))
            .GroupBy(x => x.type, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.rule).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Appends matching rules in load order: a merge of two lists that are each already in that order.</summary>
    public int Evaluate(TEvent value, string? eventType, List<CompiledRule<TEvent>> matches)
    {
        var typed = eventType is not null && _byType.TryGetValue(eventType, out var found) ? found : None;
        int a = 0, t = 0, count = 0;
        while (a < _anyType.Length || t < typed.Length)
        {
            var rule = t >= typed.Length || (a < _anyType.Length && _anyType[a].Ordinal < typed[t].Ordinal)
                ? _anyType[a++]
                : typed[t++];
            if (rule.Matches(value))
            {
                matches.Add(rule);
                count++;
            }
        }
        return count;
    }
}
