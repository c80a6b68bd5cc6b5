namespace Vigil.Ingestion.Audit;

/// <summary>
/// GKE reports a google.rpc code, not the HTTP status the API server answered; rules are written against HTTP
/// codes (403 for an RBAC denial), so map back the way grpc-gateway does.
/// </summary>
internal static class GrpcStatusCodes
{
    public static int ToHttp(long grpcCode) => grpcCode switch
    {
        1 => 499,
        3 or 9 or 11 => 400,
        4 => 504,
        5 => 404,
        6 or 10 => 409,
        7 => 403,
        8 => 429,
        12 => 501,
        14 => 503,
        16 => 401,
        _ => 500,
    };
}
