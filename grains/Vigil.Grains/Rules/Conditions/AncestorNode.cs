namespace Vigil.Grains.Rules;

/// <summary><c>ancestor(N, condition)</c>: some ancestor within N generations satisfies the condition.</summary>
internal sealed record AncestorNode(int Generations, int GenerationsOffset, ConditionNode Inner, int Offset)
    : ConditionNode(Offset);
