namespace Vigil.Ingestion.Audit;

/// <summary>Which audit shape to expect; <see cref="Auto"/> recognises each record by its shape.</summary>
public enum AuditFormat
{
    Auto,
    /// <summary>audit.k8s.io Event lines (log backend), an EventList (webhook backend) or a JSON array of Events.</summary>
    Native,
    /// <summary>Azure Monitor diagnostic records (Event Hub <c>records[]</c> or storage JSON lines).</summary>
    Aks,
    /// <summary>CloudWatch Logs: subscription-filter envelopes (plain, gzip or Lambda base64), FilterLogEvents items, or bare messages.</summary>
    Eks,
    /// <summary>Cloud Logging LogEntry objects whose protoPayload is an AuditLog.</summary>
    Gke,
}
