using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection.Audit;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Detection;

/// <summary>
/// What the rules see: one runtime or audit event, or one ancestor of a runtime event's process seen as the exec
/// that started it (so <c>ancestor(N, proc.name = nginx)</c> reads the ancestor's fields with the same names).
/// Values derived from the wire message (basenames, the command line) are computed once per subject, not once
/// per rule that names them.
/// </summary>
public sealed class DetectionEvent
{
    private DetectionEvent[]? _lineage;
    private IReadOnlyList<DetectionEvent>? _ancestors;
    private string? _name;
    private string? _parentName;
    private string? _commandLine;
    private AuditRequest? _request;

    private DetectionEvent(RuntimeEvent? runtime, AuditEvent? audit, int generation, DetectionEvent[]? lineage)
    {
        Runtime = runtime;
        Audit = audit;
        Generation = generation;
        _lineage = lineage;
    }

    public RuntimeEvent? Runtime { get; }

    public AuditEvent? Audit { get; }

    /// <summary>0 for the event itself; N when this is the event's Nth ancestor (1 = parent).</summary>
    public int Generation { get; }

    public RuleSource Source => Audit is null ? RuleSource.Runtime : RuleSource.Audit;

    public static DetectionEvent ForRuntime(RuntimeEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // The ancestors' subjects are built when a rule first asks for them: most events are judged without them.
        return new DetectionEvent(value, null, 0, null);
    }

    public static DetectionEvent ForAudit(AuditEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new DetectionEvent(null, value, 0, null);
    }

    /// <summary>The process this subject is about: the acting process, or the ancestor at this generation.</summary>
    public Process? Process => Runtime is null ? null : Generation == 0 ? Runtime.Process : Runtime.Ancestors[Generation - 1];

    /// <summary>The parent of <see cref="Process"/>, when the event's ancestry reaches that far.</summary>
    public Process? Parent => Runtime is { } r && Generation < r.Ancestors.Count ? r.Ancestors[Generation] : null;

    /// <summary>Ancestors of this subject, nearest first: shared views into one array built per event.</summary>
    public IReadOnlyList<DetectionEvent>? Ancestors
    {
        get
        {
            if (Generation == 0 && _lineage is null && Runtime is { } runtime)
            {
                _lineage = Lineage(runtime);
            }
            if (_lineage is null || Generation >= _lineage.Length)
            {
                return null;
            }
            return _ancestors ??= new ArraySegment<DetectionEvent>(_lineage, Generation, _lineage.Length - Generation);
        }
    }

    private static DetectionEvent[] Lineage(RuntimeEvent value)
    {
        var lineage = new DetectionEvent[value.Ancestors.Count];
        for (var i = 0; i < lineage.Length; i++)
        {
            lineage[i] = new DetectionEvent(value, null, i + 1, lineage);
        }
        return lineage;
    }

    /// <summary>The runtime event's own kind, or an exec for an ancestor: an ancestor is known by how it started.</summary>
    public string? EventType => Runtime is null ? null
        : Generation > 0 ? EventTypes.Exec
        : EventTypes.Of(Runtime);

    /// <summary>The event's kind-specific part, only for the event itself (ancestors did not open its file).</summary>
    public RuntimeEvent? Own => Generation == 0 ? Runtime : null;

    internal string? ProcessName => _name ??= EventValues.BaseName(Process?.Binary);

    internal string? ParentName => _parentName ??= EventValues.BaseName(Parent?.Binary);

    internal string? CommandLine => _commandLine ??= EventValues.CommandLine(ProcessName, Process);

    /// <summary>An audit event's request object, parsed on first use and shared by every rule that reads it.</summary>
    internal AuditRequest? Request => Audit is null ? null : _request ??= AuditRequest.Parse(Audit);
}
