namespace Vigil.Silo.Admission;

/// <summary>One policy's settings: <c>Admission:Policies:&lt;name&gt;:Mode</c>.</summary>
public sealed class AdmissionPolicyOptions
{
    public PolicyMode Mode { get; set; } = PolicyMode.Audit;
}
