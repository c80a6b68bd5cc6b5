namespace Vigil.Grpc.Protocol;

/// <summary>Header names and values of gRPC over HTTP/2.</summary>
public static class GrpcHeaders
{
    public const string ContentType = "application/grpc";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string Te = "te";
    public const string Trailers = "trailers";
    public const string Identity = "identity";
    public const string Gzip = "gzip";
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>True for <c>application/grpc</c> and its <c>+proto</c> / <c>+json</c> / parameter forms.</summary>
    public static bool IsGrpcContentType(string? contentType) =>
        contentType is not null
        && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';');

    /// <summary>Headers that belong to the protocol, never to a call's metadata.</summary>
    public static bool IsReserved(string name) =>
        name.StartsWith(':')
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals(Te, StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("connection", StringComparison.OrdinalIgnoreCase);

    public static bool IsSupportedEncoding(string? encoding) =>
        string.IsNullOrEmpty(encoding)
        || encoding.Equals(Identity, StringComparison.OrdinalIgnoreCase)
        || encoding.Equals(Gzip, StringComparison.OrdinalIgnoreCase);
}
