namespace Vigil.Grains.Rules;

/// <summary>A bare name standing as a condition: a macro, or a boolean field meaning "is true".</summary>
internal sealed record NameNode(string Name, int Offset) : ConditionNode(Offset);
