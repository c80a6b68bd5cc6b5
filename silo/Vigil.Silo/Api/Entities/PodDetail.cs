using Vigil.Grains.Alerts;
using Vigil.Grains.Entities;

namespace Vigil.Silo.Api.Entities;

public sealed record PodDetail(
    string Uid,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    PodProfile Profile,
    IReadOnlyList<PodProcess> Processes,
    IReadOnlyList<Alert> Alerts);
