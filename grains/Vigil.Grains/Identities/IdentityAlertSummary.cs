using Vigil.Grains.Alerts;

namespace Vigil.Grains.Identities;

/// <summary>An identity's active alert counts as its grain last committed them, sent one way to the cluster.</summary>
public sealed record IdentityAlertSummary(string IdentityKey, long Sequence, AlertCounts Counts);
