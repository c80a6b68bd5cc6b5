namespace Vigil.Silo.Api.Alerts;

/// <summary>The grain that holds an alert: <c>vigil.pod</c>, <c>vigil.node</c>, <c>vigil.serviceaccount</c> or <c>vigil.user</c>, and its key.</summary>
public sealed record AlertHolderView(string GrainType, string GrainKey);
