using Google.Protobuf.Collections;

namespace Vigil.Grains.Entities;

/// <summary>Argument lists equal value by value, also between a held array and the wire's list, for <see cref="ArgumentsReuse"/>.</summary>
public sealed class ArgumentListKeys : IEqualityComparer<string[]>, IAlternateEqualityComparer<RepeatedField<string>, string[]>
{
    public static readonly ArgumentListKeys Instance = new();

    public bool Equals(string[]? x, string[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(string[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var value in obj)
        {
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    public bool Equals(RepeatedField<string> alternate, string[] other)
    {
        if (alternate.Count != other.Length)
        {
            return false;
        }
        for (var i = 0; i < other.Length; i++)
        {
            if (!string.Equals(alternate[i], other[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public int GetHashCode(RepeatedField<string> alternate)
    {
        var hash = new HashCode();
        foreach (var value in alternate)
        {
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    public string[] Create(RepeatedField<string> alternate) => [.. alternate];
}
