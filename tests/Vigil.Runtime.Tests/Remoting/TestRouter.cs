using Vigil.Runtime.Remoting;

namespace Vigil.Runtime.Tests.Remoting;

/// <summary>Shard owners as a test sets them; a refresh applies the next assignment, as a new lease view would.</summary>
public sealed class TestRouter : IShardRouter
{
    private Func<int, string?> _current = _ => null;
    private Func<int, string?>? _afterRefresh;

    public int Refreshes { get; private set; }

    public void Assign(Func<int, string?> owners) => _current = owners;

    public void AssignOnRefresh(Func<int, string?> owners) => _afterRefresh = owners;

    public string? OwnerOf(int shard) => _current(shard);

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        Refreshes++;
        if (_afterRefresh is { } next)
        {
            _current = next;
        }

        return Task.CompletedTask;
    }
}
