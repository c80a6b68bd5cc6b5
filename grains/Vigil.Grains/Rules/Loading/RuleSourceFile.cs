namespace Vigil.Grains.Rules;

/// <summary>The text of one rule file and the path diagnostics name it by.</summary>
public sealed record RuleSourceFile(string Path, string Text);
