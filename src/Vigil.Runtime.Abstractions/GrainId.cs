using System.Text;

namespace Vigil.Runtime;

/// <summary>
/// A grain's identity: its type name (stable across renames through <see cref="GrainTypeAttribute"/>) and its key.
/// The shard is a stable hash of both, so it never changes for a deployment.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public const int ShardCount = 1024;

    public int Shard => (int)(StableHash(Type, Key) % ShardCount);

    public override string ToString() => $"{Type}/{Key}";

    /// <summary>FNV-1a over the UTF-8 of type, a separator and key: the same on every machine and every run.</summary>
    public static ulong StableHash(string type, string key)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        Span<byte> buffer = stackalloc byte[256];
        foreach (var part in new[] { type, "\0", key })
        {
            var bytes = Encoding.UTF8.GetByteCount(part) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(part, buffer)] : Encoding.UTF8.GetBytes(part);
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * prime;
            }
        }

        return hash;
    }
}
