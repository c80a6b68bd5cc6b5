namespace Vigil.Silo.AlertIndex;

/// <summary>A page of alerts, how many match the filter in all, and the cursor of the next page (null on the last).</summary>
public sealed record AlertPage(IReadOnlyList<IndexedAlert> Items, long Total, AlertCursor? Next);
