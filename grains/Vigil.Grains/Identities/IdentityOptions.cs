namespace Vigil.Grains.Identities;

/// <summary>How service-account behaviour is learned and judged.</summary>
public sealed class IdentityOptions
{
    /// <summary>
    /// How long after an account is first seen its behaviour counts as normal. Controllers show most of what they
    /// do within their first reconcile loops; a day covers daily jobs as well.
    /// </summary>
    public TimeSpan LearningPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Operations (<c>verb resource[/subresource]</c>) worth an alert when an account does them for the first
    /// time: permission discovery, reading secrets, running commands in pods, minting tokens, changing RBAC or
    /// admission. Other first-time operations only grow the baseline.
    /// </summary>
    public HashSet<string> SensitiveOperations { get; set; } = new(StringComparer.Ordinal)
    {
        "create selfsubjectaccessreviews", "create selfsubjectrulesreviews",
        "get secrets", "list secrets", "watch secrets",
        "create pods/exec", "get pods/exec", "create pods/attach", "get pods/attach",
        "create pods/portforward", "get pods/portforward", "create pods/ephemeralcontainers", "patch pods/ephemeralcontainers",
        "create serviceaccounts/token", "create certificatesigningrequests",
        "create roles", "update roles", "patch roles", "create clusterroles", "update clusterroles", "patch clusterroles",
        "create rolebindings", "update rolebindings", "patch rolebindings",
        "create clusterrolebindings", "update clusterrolebindings", "patch clusterrolebindings",
        "impersonate users", "impersonate groups", "impersonate serviceaccounts",
        "create mutatingwebhookconfigurations", "create validatingwebhookconfigurations",
    };

    /// <summary>
    /// Client programs a person drives. A workload's account speaks through its own binary's client library; one of
    /// these under the account's identity usually means its token was taken out of the pod.
    /// </summary>
    public HashSet<string> InteractiveClients { get; set; } = new(StringComparer.Ordinal)
    {
        "kubectl", "curl", "wget", "python-requests", "python-urllib", "httpie", "postmanruntime", "k9s", "helm",
    };

    public int MaxOperations { get; set; } = 512;

    public int MaxValuesPerKind { get; set; } = 128;

    public void Validate()
    {
        if (LearningPeriod < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningPeriod), LearningPeriod, "must not be negative");
        }
        if (MaxOperations < 1 || MaxValuesPerKind < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxOperations), "baseline bounds must be at least 1");
        }
    }
}
