using Microsoft.Extensions.Logging;

namespace Vigil.Runtime.Clustering;

internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Silo {Silo} joined the cluster as incarnation {Incarnation}")]
    public static partial void Joined(ILogger logger, string silo, long incarnation);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Silo {Silo} lost {Count} shards to other owners")]
    public static partial void ShardsLost(ILogger logger, string silo, int count);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Lease cycle of silo {Silo} failed")]
    public static partial void CycleFailed(ILogger logger, string silo, Exception exception);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Silo {Silo} failed to hand off {Count} shards; they stay here for now")]
    public static partial void HandoffFailed(ILogger logger, string silo, int count, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Silo {Silo} lost its cluster notifications; reconnecting")]
    public static partial void ListenFailed(ILogger logger, string silo, Exception exception);
}
