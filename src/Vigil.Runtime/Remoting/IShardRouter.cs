namespace Vigil.Runtime.Remoting;

/// <summary>Where a shard's grains run: here, at another silo's address, or nowhere known yet.</summary>
public interface IShardRouter
{
    /// <summary>Null for this silo; otherwise the owner's gRPC address, or empty when no owner is known.</summary>
    string? OwnerOf(int shard);

    /// <summary>Called when a silo answered "not mine": look the owners up again.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
