namespace Vigil.Grains.Rules;

/// <summary>Syntax of a condition; it exists only while loading, events are evaluated by compiled delegates.</summary>
internal abstract record ConditionNode(int Offset);
