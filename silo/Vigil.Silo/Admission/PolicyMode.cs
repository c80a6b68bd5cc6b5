namespace Vigil.Silo.Admission;

/// <summary>What a policy does with a workload that breaks it.</summary>
public enum PolicyMode
{
    /// <summary>Admit it, with a warning the client shows (kubectl prints them).</summary>
    Audit,

    /// <summary>Refuse it with a 403 naming every finding.</summary>
    Deny,

    /// <summary>Do not check.</summary>
    Off,
}
