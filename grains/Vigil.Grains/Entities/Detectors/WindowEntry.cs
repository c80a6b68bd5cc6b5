namespace Vigil.Grains.Entities.Detectors;

/// <summary>The latest sighting of one key of a <see cref="SlidingWindow"/>.</summary>
public sealed record WindowEntry(DateTimeOffset Time, string Note);
