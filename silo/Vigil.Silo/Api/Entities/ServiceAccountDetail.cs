using Vigil.Grains.Alerts;
using Vigil.Grains.Identities;

namespace Vigil.Silo.Api.Entities;

public sealed record ServiceAccountDetail(IdentityActivity Activity, IReadOnlyList<Alert> Alerts);
