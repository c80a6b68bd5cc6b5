namespace Vigil.Runtime.Remoting;

/// <summary>
/// When a silo has given its grains away on a planned shutdown. Until then it answers other silos' calls (those of
/// shards not yet moved run, the others are redirected); from then on it ends its inbound call streams, so the web
/// server can stop without waiting for them.
/// </summary>
public interface ISiloDeparture
{
    CancellationToken Departed { get; }
}
