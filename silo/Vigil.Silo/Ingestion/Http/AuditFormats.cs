using Vigil.Ingestion.Audit;

namespace Vigil.Silo.Ingestion.Http;

/// <summary>The <c>?format=</c> values of the audit endpoint, and the provider each names.</summary>
public static class AuditFormats
{
    public const string Names = "auto, native, aks, eks, gke";

    /// <summary>The format <paramref name="value"/> names (absent or empty: auto); 400 for anything else.</summary>
    public static AuditFormat Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => AuditFormat.Auto,
        "native" => AuditFormat.Native,
        "aks" => AuditFormat.Aks,
        "eks" => AuditFormat.Eks,
        "gke" => AuditFormat.Gke,
        _ => throw IngestionRejectedException.BadRequest(
            "unknown-format", $"format '{value}' is not one of {Names}; leave it out to recognise each record by its shape."),
    };

    /// <summary>The cluster provider a format implies (a native log says nothing about where the cluster runs).</summary>
    public static string? Provider(AuditFormat format) => format switch
    {
        AuditFormat.Aks => "AKS",
        AuditFormat.Eks => "EKS",
        AuditFormat.Gke => "GKE",
        _ => null,
    };

    public static string Name(AuditFormat format) => format.ToString().ToLowerInvariant();
}
