namespace Vigil.Grains.Inventory;

/// <summary>What the cluster grain keeps of one inventoried object: enough to count it and to report its findings.</summary>
public sealed record InventoryEntry(string Kind, string Namespace, string Name, string Uid, IReadOnlyList<PostureFinding> Findings);
