using Vigil.Grains.Alerts;

namespace Vigil.Silo.AlertIndex;

/// <summary>An alert as the index holds it: its latest form and the grain that holds it (where a status change goes).</summary>
public sealed record IndexedAlert(string GrainType, string GrainKey, Alert Alert);
