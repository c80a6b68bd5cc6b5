namespace Vigil.Grains.Entities.Detectors;

/// <summary>The image baseline's settled answer for one metadata caller chain, and when it was given (for eviction).</summary>
public sealed record MetadataVerdict(bool Normal, DateTimeOffset Time);
