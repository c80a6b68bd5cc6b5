using Vigil.Runtime;

namespace Vigil.Grains.Identities;

/// <summary>One service account, keyed <c>cluster/namespace/name</c>; it learns what the account normally does.</summary>
[GrainType("vigil.serviceaccount")]
public interface IServiceAccountGrain : IIdentityGrain;
