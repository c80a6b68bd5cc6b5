namespace Vigil.Grains.Detection.Audit;

/// <summary>The kinds of request body some audit rule reads; everything else is never parsed.</summary>
public enum RequestKind
{
    None,
    Workload,
    Role,
    Binding,
    Service,
    ConfigMap,
    Exec,
}
