using Microsoft.Extensions.Logging;

namespace Vigil.Runtime;

internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Activation of grain {Grain} failed")]
    public static partial void ActivationFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Deactivation of grain {Grain} failed or timed out; the activation is dropped")]
    public static partial void DeactivationFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "A turn of grain {Grain} failed outside any call")]
    public static partial void WorkItemFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "One-way call {Method} failed")]
    public static partial void OneWayCallFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "A timer callback of grain {Grain} failed")]
    public static partial void TimerFailed(ILogger logger, GrainId grain, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Group commit of {Count} writes failed; none is acknowledged")]
    public static partial void CommitFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Stopping without waiting for {Count} activations whose turns did not end in time")]
    public static partial void ShutdownAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Deactivation of grain {Grain} runs longer than {Timeout}; the grain stays unavailable until it ends")]
    public static partial void DeactivationSlow(ILogger logger, GrainId grain, TimeSpan timeout);
}
