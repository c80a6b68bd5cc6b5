namespace Vigil.Grains.Rules;

/// <summary>An immutable, compiled set of rules; safe to evaluate from any number of threads.</summary>
public sealed class RuleSet<TEvent>
{
    private readonly SourceIndex<TEvent>[] _bySource;
    private readonly Func<TEvent, string?>? _eventType;
    private readonly Dictionary<string, CompiledRule<TEvent>> _byId;

    internal RuleSet(IReadOnlyList<CompiledRule<TEvent>> rules, Func<TEvent, string?>? eventType)
    {
        Rules = rules;
        _eventType = eventType;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _bySource = [.. Enum.GetValues<RuleSource>()
            .Select(source => new SourceIndex<TEvent>(rules.Where(r => r.Metadata.Enabled && r.Metadata.Source == source)))];
    }

    public static RuleSet<TEvent> Empty { get; } = new([], null);

    /// <summary>Every rule of the set, disabled ones included, in load order.</summary>
    public IReadOnlyList<CompiledRule<TEvent>> Rules { get; }

    public CompiledRule<TEvent>? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Appends the enabled rules of <paramref name="source"/> that match, in load order, and returns how many.
    /// Allocates nothing when <paramref name="matches"/> has room.
    /// </summary>
    public int Evaluate(TEvent value, RuleSource source, List<CompiledRule<TEvent>> matches) =>
        _bySource[(int)source].Evaluate(value, _eventType?.Invoke(value), matches);

    public IReadOnlyList<CompiledRule<TEvent>> Evaluate(TEvent value, RuleSource source)
    {
        var matches = new List<CompiledRule<TEvent>>();
        Evaluate(value, source, matches);
        return matches;
    }
}
