using System.Security.Cryptography;
using System.Text;

namespace Vigil.Scenarios;

/// <summary>
/// The pod a scenario attacks: a PHP storefront behind nginx, as a compromised web application usually is. Names,
/// uid and container id are derived from the pod name so a scenario run twice lands on the same grains.
/// </summary>
public sealed record ScenarioPod(
    string Cluster,
    string Namespace,
    string Name,
    string Node,
    string ServiceAccount,
    string PodIp)
{
    public string Container => "storefront";

    public string Image => "registry.example.com/shop/storefront:2.14.1";

    public string Uid => Derived("uid")[..32].Insert(8, "-").Insert(13, "-").Insert(18, "-").Insert(23, "-");

    public string ContainerId => Derived("container");

    public string ServiceAccountUser => $"system:serviceaccount:{Namespace}:{ServiceAccount}";

    /// <summary>The scenario's pod; with a <paramref name="run"/> id (lower-case letters and digits) a pod and account of that run's own.</summary>
    public static ScenarioPod For(string cluster, string scenario, string run = "")
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)))
        {
            throw new ArgumentException($"A run id is lower-case letters and digits (it goes into Kubernetes names); got '{run}'.", nameof(run));
        }
        return run.Length == 0
            ? new(cluster, "shop", $"storefront-{scenario}-7d9f8", "aks-nodepool1-31718369-vmss000002", "storefront", "10.244.2.17")
            : new(cluster, "shop", $"storefront-{scenario}-{run}", "aks-nodepool1-31718369-vmss000002", $"storefront-{run}", "10.244.2.17");
    }

    private string Derived(string what) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Cluster}/{Namespace}/{Name}/{what}")));
}
