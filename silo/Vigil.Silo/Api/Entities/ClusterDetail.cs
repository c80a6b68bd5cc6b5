using Vigil.Grains.Inventory;

namespace Vigil.Silo.Api.Entities;

public sealed record ClusterDetail(ClusterSummary Summary, IReadOnlyList<string> Namespaces, IReadOnlyList<string> Nodes);
