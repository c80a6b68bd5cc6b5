using Vigil.Contracts.Events.V1;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Identities;

/// <summary>
/// A service account doing something sensitive it has not done before. Judged against the account's baseline:
/// <list type="bullet">
/// <item>after the learning period, any sensitive operation new to the account;</item>
/// <item>during it, a new sensitive operation made through an interactive client (kubectl, curl): a workload does
/// not drive itself with kubectl, so this is the stolen-token case the learning period must not hide;</item>
/// <item>after it, a sensitive operation the account knows, through an interactive client it has never used.</item>
/// </list>
/// Refused requests count (probing with a stolen token mostly earns 403s); only allowed ones are learned.
/// </summary>
public static class ServiceAccountAnomaly
{
    public const string RuleId = "vigil.audit.service-account-anomaly";

    public static RuleMetadata Rule { get; } = new(
        RuleId,
        "Suspicious Kubernetes service account operation detected",
        "A service account made a sensitive API request (permission discovery, secrets, exec into pods, tokens, RBAC "
            + "or admission changes) that it had not made before, or made it through an interactive client it never "
            + "used. Workloads repeat what their code does; a new sensitive request usually means the account's token "
            + "is in someone else's hands.",
        Severity.Medium,
        "TA0008",
        "T1550.001",
        RuleSource.Audit,
        ["k8s_audit", "service_account", "baseline", "mitre_lateral_movement", "mitre_credential_access"],
        true,
        new SourceLocation(nameof(ServiceAccountAnomaly), 0, 0));

    /// <summary>Why the request is anomalous, or null when it is not.</summary>
    public static string? Judge(IdentityState state, AuditEvent value, DateTimeOffset now, IdentityOptions options)
    {
        if (state.Kind != IdentityKind.ServiceAccount || value.Stage == "RequestReceived")
        {
            return null;
        }
        var operation = AuditOperation.Of(value);
        if (!options.SensitiveOperations.Contains(operation))
        {
            return null;
        }
        var learning = now - state.FirstSeen < options.LearningPeriod;
        var client = AuditOperation.Client(value.UserAgent);
        var interactive = options.InteractiveClients.Contains(client);
        var outcome = value.ResponseCode > 0 ? $" (response {value.ResponseCode})" : "";
        var account = $"{state.Namespace}/{state.Name}";
        if (!state.Baseline.Operations.ContainsKey(operation) && (!learning || interactive))
        {
            return $"service account {account} made its first '{operation}' request{outcome} with {value.UserAgent} "
                + $"from {string.Join(", ", value.SourceIps)}";
        }
        if (!learning && interactive && !state.Baseline.UserAgents.ContainsKey(client))
        {
            return $"service account {account} made '{operation}'{outcome} through {client}, a client it never used before "
                + $"(known: {string.Join(", ", state.Baseline.UserAgents.Keys.Order(StringComparer.Ordinal))})";
        }
        return null;
    }
}
