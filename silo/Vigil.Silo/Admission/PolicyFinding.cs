namespace Vigil.Silo.Admission;

/// <summary>One way a workload breaks a policy, in words fit for a kubectl warning.</summary>
public sealed record PolicyFinding(string Policy, string Message)
{
    public override string ToString() => $"{Policy}: {Message}";
}
