namespace Vigil.Grains.Rules;

/// <summary>Thrown inside the parser only; the loader turns it into a VR007 diagnostic at <see cref="Offset"/>.</summary>
internal sealed class ConditionSyntaxException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
