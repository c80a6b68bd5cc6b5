namespace Vigil.Silo.Admission;

/// <summary>
/// The admission webhook's policies. Configuration section <c>Admission</c>, e.g.
/// <c>VIGIL_Admission__Policies__privileged__Mode=deny</c> or <c>VIGIL_Admission__AllowedRegistries__0=registry.example.com</c>.
/// Every policy defaults to audit: a webhook installed without configuration warns and never blocks a deployment.
/// </summary>
public sealed class AdmissionOptions
{
    public const string Section = "Admission";

    /// <summary>Per policy (<see cref="AdmissionPolicies"/>); a policy not named here is in audit mode.</summary>
    public Dictionary<string, AdmissionPolicyOptions> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Registries (<c>registry.example.com</c>) or repository prefixes (<c>ghcr.io/acme</c>) images may come from; empty
    /// means any. Images without a registry are Docker Hub's: <c>nginx</c> is <c>docker.io/library/nginx</c>.
    /// </summary>
    public List<string> AllowedRegistries { get; } = [];

    /// <summary>
    /// Namespaces where a deny-mode finding only warns: the cluster's own daemons (kube-proxy, CNI agents) run
    /// privileged on host paths by design, and refusing them breaks the nodes. Unset: <c>kube-system</c>. The binder
    /// adds configured items to a list it finds, so the default lives in <see cref="IsExempt"/>, not here; an empty
    /// <c>ExemptNamespaces:0</c> exempts none.
    /// </summary>
    public List<string>? ExemptNamespaces { get; set; }

    public bool IsExempt(string workloadNamespace) =>
        (ExemptNamespaces ?? ["kube-system"]).Contains(workloadNamespace, StringComparer.Ordinal) && workloadNamespace.Length > 0;

    public PolicyMode Mode(string policy) => Policies.TryGetValue(policy, out var options) ? options.Mode : PolicyMode.Audit;
}
