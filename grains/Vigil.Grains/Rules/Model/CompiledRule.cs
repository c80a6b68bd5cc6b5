using System.Collections.Frozen;

namespace Vigil.Grains.Rules;

/// <summary>A rule ready to run: its metadata, its condition as one delegate, and its output template.</summary>
public sealed class CompiledRule<TEvent>
{
    private readonly Func<TEvent, bool> _condition;

    internal CompiledRule(
        RuleMetadata metadata, Func<TEvent, bool> condition, OutputTemplate<TEvent> output,
        FrozenSet<string>? eventTypes, int ordinal)
    {
        Metadata = metadata;
        _condition = condition;
        Output = output;
        EventTypes = eventTypes;
        Ordinal = ordinal;
    }

    public RuleMetadata Metadata { get; }

    public string Id => Metadata.Id;

    public OutputTemplate<TEvent> Output { get; }

    /// <summary>The event types the condition pins (through <c>evt.type = x</c> or <c>in</c>); null for any type.</summary>
    public IReadOnlySet<string>? EventTypes { get; }

    /// <summary>Load order across the set; matches are reported in this order.</summary>
    public int Ordinal { get; }

    public bool Matches(TEvent value) => _condition(value);
}
