namespace Vigil.Silo.Admission;

/// <summary>What the webhook decided: refused for the deny-mode findings, warned for the audit-mode ones.</summary>
public sealed record AdmissionVerdict(IReadOnlyList<PolicyFinding> Denials, IReadOnlyList<PolicyFinding> Warnings)
{
    public static readonly AdmissionVerdict Allow = new([], []);

    public bool Allowed => Denials.Count == 0;

    public static AdmissionVerdict Judge(IReadOnlyList<PolicyFinding> findings, AdmissionOptions options, string workloadNamespace)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(options);
        var exempt = options.IsExempt(workloadNamespace);
        var deny = findings.Where(f => !exempt && options.Mode(f.Policy) == PolicyMode.Deny).ToList();
        return new AdmissionVerdict(deny, [.. findings.Except(deny)]);
    }
}
