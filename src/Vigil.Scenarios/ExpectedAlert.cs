namespace Vigil.Scenarios;

/// <summary>
/// An alert a scenario must raise: its title (Defender's, as DESIGN §1 lists them), its severity, and where it
/// belongs: a pod (runtime) or the pod's service account (audit).
/// </summary>
public sealed record ExpectedAlert(string Title, string Severity, AlertSubject Subject);
