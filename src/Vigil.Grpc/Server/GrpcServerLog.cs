using Microsoft.Extensions.Logging;

namespace Vigil.Grpc.Server;

internal static partial class GrpcServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC handler for {Method} threw")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "gRPC call {Method} was cancelled by its caller")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "gRPC call to unknown method {Method}")]
    public static partial void UnknownMethod(ILogger logger, string method);
}
