namespace Vigil.Silo.Admission;

/// <summary>Refuses policy names that do not exist: a typo in a deny setting would otherwise leave the policy in audit mode unnoticed.</summary>
public static class AdmissionOptionsValidator
{
    public static IReadOnlyList<string> Validate(AdmissionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var name in options.Policies.Keys)
        {
            if (!AdmissionPolicies.All.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"Admission:Policies:{name} is not a policy; the policies are {string.Join(", ", AdmissionPolicies.All)}.");
            }
        }
        foreach (var registry in options.AllowedRegistries)
        {
            if (string.IsNullOrWhiteSpace(registry) || registry.Contains(' ', StringComparison.Ordinal) || registry.Contains('@', StringComparison.Ordinal))
            {
                failures.Add($"Admission:AllowedRegistries holds '{registry}', which is not a registry or repository prefix such as registry.example.com or ghcr.io/acme.");
            }
        }
        return failures;
    }
}
