using Vigil.Contracts.Events.V1;

namespace Vigil.Scenarios;

/// <summary>
/// One scenario played against one pod: the runtime events its sensor would report and the audit events the API
/// server would log, each in the order they happened, and the alerts they must raise.
/// </summary>
public sealed record ScenarioTrace(
    string Name,
    ScenarioPod Pod,
    IReadOnlyList<RuntimeEvent> Runtime,
    IReadOnlyList<AuditEvent> Audit,
    IReadOnlyList<ExpectedAlert> Expected);
