namespace Vigil.Silo.Api.Alerts;

/// <summary>
/// A page of <c>GET /api/v1/alerts</c>: the alerts, how many match in all, the limit applied, and the cursor of the
/// next page (pass it as <c>cursor</c> with the same sort and order), null on the last page.
/// </summary>
public sealed record AlertPageView(IReadOnlyList<AlertSummaryView> Items, long Total, int Limit, string? NextCursor);
