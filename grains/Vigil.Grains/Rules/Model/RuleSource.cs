namespace Vigil.Grains.Rules;

/// <summary>Which stream of events a rule watches; a rule is only ever evaluated against its own source.</summary>
public enum RuleSource
{
    Runtime,
    Audit,
    Admission,
    Inventory,
}
