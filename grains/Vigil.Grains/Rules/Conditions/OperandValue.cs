namespace Vigil.Grains.Rules;

/// <summary>A literal as written; unquoted words may name a list and are expanded when compiled.</summary>
internal sealed record OperandValue(string Text, bool Quoted, int Offset);
