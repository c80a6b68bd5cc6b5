namespace Vigil.Grains.Rules;

/// <summary>A named condition fragment; rules and other macros use it by writing its name.</summary>
internal sealed record MacroDefinition(string Name, LocatedText Condition, SourceLocation Location);
