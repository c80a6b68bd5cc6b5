namespace Vigil.Grains.Rules;

internal sealed record OrNode(ConditionNode Left, ConditionNode Right) : ConditionNode(Left.Offset);
