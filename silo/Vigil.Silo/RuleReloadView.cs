namespace Vigil.Silo;

public sealed record RuleReloadView(DateTimeOffset At, bool Swapped, IReadOnlyList<string> Diagnostics);
