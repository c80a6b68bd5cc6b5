using System.Collections.Frozen;

namespace Vigil.Grains.Rules;

/// <summary>
/// A compiled condition (null when it had errors, already reported) and the event types it is pinned to:
/// null means "any type", so the rule must be evaluated for every event of its source.
/// </summary>
internal readonly record struct CompiledCondition<TEvent>(Func<TEvent, bool>? Predicate, FrozenSet<string>? EventTypes)
{
    public static CompiledCondition<TEvent> Failed => new(null, null);
}
