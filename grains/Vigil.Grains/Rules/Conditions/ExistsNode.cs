namespace Vigil.Grains.Rules;

internal sealed record ExistsNode(string Field, int Offset) : ConditionNode(Offset);
