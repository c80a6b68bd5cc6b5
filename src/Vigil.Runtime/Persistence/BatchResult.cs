namespace Vigil.Runtime.Persistence;

/// <summary>
/// A batch's outcome: each write's new version (null for a version conflict), or, when the fence failed, the
/// shards this silo no longer holds; then nothing was written.
/// </summary>
public sealed record BatchResult(IReadOnlyList<long?> Versions, IReadOnlyCollection<int> LostShards)
{
    public static BatchResult Fenced(IReadOnlyCollection<int> lostShards) => new([], lostShards);

    public static BatchResult Written(IReadOnlyList<long?> versions) => new(versions, []);
}
