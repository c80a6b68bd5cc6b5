using Vigil.Grains.Alerts;

namespace Vigil.Grains.Inventory;

/// <summary>A cluster in a list: where it runs and its active alerts, without the inventory a summary walks.</summary>
public sealed record ClusterOverview(string Provider, AlertCounts Alerts);
