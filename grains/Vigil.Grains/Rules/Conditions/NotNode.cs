namespace Vigil.Grains.Rules;

internal sealed record NotNode(ConditionNode Operand, int Offset) : ConditionNode(Offset);
