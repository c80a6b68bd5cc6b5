namespace Vigil.Grains.Rules;

internal sealed record AndNode(ConditionNode Left, ConditionNode Right) : ConditionNode(Left.Offset);
