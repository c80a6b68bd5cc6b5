namespace Vigil.Silo;

public sealed record RuleView(string Id, string Title, string Severity, string Source, string Tactic, string Technique, bool Enabled);
