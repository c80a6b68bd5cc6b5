namespace Vigil.Silo.Ingestion.Http;

/// <summary>A well-formed record that is not an event of the endpoint's kind (an AKS klog line, a CloudWatch control message).</summary>
public sealed record SkippedRecord(int Line, string Reason);
