using Google.Protobuf.Collections;

namespace Vigil.Grains.Entities;

/// <summary>Argument lists equal value by value, also between a held array and the wire's list, for <see cref="ArgumentsReuse"/>.</summary>
public sealed class ArgumentListKeys : IEqualityComparer<string[]>, IAlternateEqualityComparer<RepeatedField<string>, string[]>
{
    public static readonly ArgumentListKeys Instance = new();

    public bool Equals(string[]? x, string[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && Same(x, y));

    public int GetHashCode(string[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return Hash(obj);
    }

    public bool Equals(RepeatedField<string> alternate, string[] other) => Same(alternate, other);

    public int GetHashCode(RepeatedField<string> alternate) => Hash(alternate);

    public string[] Create(RepeatedField<string> alternate) => [.. alternate];

    private static bool Same(IReadOnlyList<string> values, string[] other)
    {
        if (values.Count != other.Length)
        {
            return false;
        }
        for (var i = 0; i < other.Length; i++)
        {
            if (!string.Equals(values[i], other[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static int Hash(IReadOnlyList<string> values)
    {
        var hash = new HashCode();
        for (var i = 0; i < values.Count; i++)
        {
            hash.Add(values[i], StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}
