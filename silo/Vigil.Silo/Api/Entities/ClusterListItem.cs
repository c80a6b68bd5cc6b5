using Vigil.Grains.Alerts;

namespace Vigil.Silo.Api.Entities;

public sealed record ClusterListItem(string Name, DateTimeOffset FirstSeen, string Provider, AlertCounts Alerts);
