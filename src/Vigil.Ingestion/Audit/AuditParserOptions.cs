namespace Vigil.Ingestion.Audit;

/// <summary>How to read an audit input.</summary>
/// <param name="Cluster">Cluster name stamped on every event; when empty, the name the source carries (GKE resource labels, AKS resource id, EKS log group) is used.</param>
/// <param name="Format">Expected shape; records of another shape fail instead of being recognised.</param>
public sealed record AuditParserOptions(string Cluster = "", AuditFormat Format = AuditFormat.Auto);
