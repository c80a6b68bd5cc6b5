namespace Vigil.Silo;

public sealed record RuleSetView(string Directory, int Generation, IReadOnlyList<RuleView> Rules, RuleReloadView? LastReload);
