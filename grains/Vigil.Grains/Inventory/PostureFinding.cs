using Vigil.Grains.Rules;

namespace Vigil.Grains.Inventory;

/// <summary>A configuration weakness found on one object of a cluster's inventory.</summary>
public sealed record PostureFinding(string Check, string Title, Severity Severity, string Kind, string Namespace, string Name, string Detail);
