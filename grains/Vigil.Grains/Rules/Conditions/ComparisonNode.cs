namespace Vigil.Grains.Rules;

/// <summary><c>field op value</c> or <c>field op (v1, v2, ...)</c>.</summary>
internal sealed record ComparisonNode(
    string Field,
    int FieldOffset,
    ComparisonOperator Operator,
    int OperatorOffset,
    IReadOnlyList<OperandValue> Values,
    bool Parenthesized) : ConditionNode(FieldOffset);
