namespace Vigil.Grains.Rules;

/// <summary>
/// A field named by a condition or an output, where it is named, and the macro it was written in (null when in the
/// rule itself): what the source check needs, since a shared macro compiles once but is judged per rule.
/// </summary>
internal readonly record struct FieldUse(string Field, SourceLocation Location, string? Macro);
