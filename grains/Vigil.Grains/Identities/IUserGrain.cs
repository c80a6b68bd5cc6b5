using Vigil.Runtime;

namespace Vigil.Grains.Identities;

/// <summary>Any other authenticated (or anonymous) user, keyed <c>cluster/username</c>.</summary>
[GrainType("vigil.user")]
public interface IUserGrain : IIdentityGrain;
