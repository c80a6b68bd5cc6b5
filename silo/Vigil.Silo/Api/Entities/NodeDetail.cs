using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;

namespace Vigil.Silo.Api.Entities;

public sealed record NodeDetail(NodeProfile Profile, IReadOnlyList<Alert> Alerts);
