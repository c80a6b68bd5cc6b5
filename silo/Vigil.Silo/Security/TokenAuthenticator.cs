using System.Security.Cryptography;
using Vigil.Grains.Security;
using Vigil.Runtime;

namespace Vigil.Silo.Security;

/// <summary>
/// Checks presented bearer tokens against a snapshot of the token registry kept in memory, so a request costs a
/// hash and no grain call. The snapshot is reloaded when older than <see cref="RefreshInterval"/> (a revocation on
/// another silo takes effect within it) and on an unknown token, but at most once per <see cref="MissRefreshInterval"/>,
/// so a flood of bad tokens does not become a flood of registry calls.
/// </summary>
public sealed class TokenAuthenticator(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Task<Snapshot>? _loading;

    /// <summary>Counts invalidations, so a read that began before one cannot put back what it dropped.</summary>
    private long _generation;

    /// <summary>
    /// The principal of the token in <paramref name="authorizationHeaderValue"/> (<c>Bearer TOKEN</c>); null when
    /// the header is missing or malformed, or the token unknown or revoked (answer 401 or UNAUTHENTICATED).
    /// </summary>
    public async ValueTask<TokenPrincipal?> AuthenticateAsync(string? authorizationHeaderValue, CancellationToken cancellationToken)
    {
        if (BearerTokens.FromAuthorization(authorizationHeaderValue) is not { } token)
        {
            return null;
        }

        var hash = BearerTokens.Hash(token);
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.LoadedAt >= RefreshInterval)
        {
            snapshot = await LoadAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Find(snapshot, hash) is { } found)
        {
            return found;
        }

        if (time.GetUtcNow() - snapshot.LoadedAt < MissRefreshInterval)
        {
            return null;
        }

        return Find(await LoadAsync(cancellationToken).ConfigureAwait(false), hash);
    }

    /// <summary>Whether <paramref name="principal"/> may do what needs <paramref name="required"/> for <paramref name="cluster"/> (null: no one cluster).</summary>
    public static bool Allows(TokenPrincipal principal, TokenRole required, string? cluster)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Allows(required, cluster);
    }

    /// <summary>Drops the snapshot, so the next request reads the registry: this silo's own changes take effect at once.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _snapshot = null;
            _loading = null;
            _generation++;
        }
    }

    private static TokenPrincipal? Find(Snapshot snapshot, byte[] hash)
    {
        TokenPrincipal? found = null;
        foreach (var (stored, principal) in snapshot.Active)
        {
            // Constant time, and no early exit: how long this takes says nothing about how close a guess came.
            if (CryptographicOperations.FixedTimeEquals(stored, hash))
            {
                found = principal;
            }
        }
        return found;
    }

    private Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        Task<Snapshot> loading;
        lock (_gate)
        {
            // One read of the registry at a time; everyone who needs it meanwhile shares it.
            if (_loading is null || _loading.IsCompleted)
            {
                _loading = ReadAsync(_generation);
            }
            loading = _loading;
        }
        return loading.WaitAsync(cancellationToken);
    }

    private async Task<Snapshot> ReadAsync(long generation)
    {
        var tokens = await grains.GetGrain<ITokenRegistryGrain>(ITokenRegistryGrain.Key).ListAsync().ConfigureAwait(false);
        var snapshot = new Snapshot(
            time.GetUtcNow(),
            [.. tokens.Where(t => t.IsActive).Select(t => (t.Hash, new TokenPrincipal(t.Id, t.Name, t.Role, t.Cluster)))]);
        lock (_gate)
        {
            if (_generation == generation)
            {
                _snapshot = snapshot;
            }
        }
        return snapshot;
    }

    private sealed record Snapshot(DateTimeOffset LoadedAt, IReadOnlyList<(byte[] Hash, TokenPrincipal Principal)> Active);
}
