namespace Vigil.Scenarios;

/// <summary>The entity an expected alert is raised on.</summary>
public enum AlertSubject
{
    Pod,
    ServiceAccount,
}
