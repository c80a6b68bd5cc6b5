namespace Vigil.Ingestion.Audit;

/// <summary>How to read an audit input.</summary>
/// <param name="Cluster">Cluster name stamped on every event; when empty, the name the source carries (GKE resource labels, AKS resource id, EKS log group) is used.</param>
/// <param name="Format">Expected shape; records of another shape fail instead of being recognised.</param>
/// <param name="MaxInflatedBytes">How large gzip content (the whole input, or a Lambda record's <c>awslogs.data</c>) may inflate to; past it the input or record fails, so a small compressed payload cannot exhaust memory.</param>
public sealed record AuditParserOptions(string Cluster = "", AuditFormat Format = AuditFormat.Auto, long MaxInflatedBytes = AuditParserOptions.DefaultMaxInflatedBytes)
{
    public const long DefaultMaxInflatedBytes = 256L * 1024 * 1024;
}
