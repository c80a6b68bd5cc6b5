namespace Vigil.Grpc.Client;

/// <summary>The status an HTTP/2 RST_STREAM or GOAWAY error code means to a gRPC client.</summary>
internal static class Http2ErrorMapping
{
    private const long RefusedStream = 0x7;
    private const long Cancel = 0x8;
    private const long EnhanceYourCalm = 0xb;
    private const long InadequateSecurity = 0xc;

    public static Status ToStatus(long errorCode, string message) => errorCode switch
    {
        RefusedStream => new Status(StatusCode.Unavailable, message),
        Cancel => new Status(StatusCode.Cancelled, message),
        EnhanceYourCalm => new Status(StatusCode.ResourceExhausted, message),
        InadequateSecurity => new Status(StatusCode.PermissionDenied, message),
        _ => new Status(StatusCode.Internal, message),
    };
}
