namespace Vigil.Grains.Entities;

/// <summary>
/// What a pod's batch tells an image: executables its containers ran for the first time (not files they wrote
/// themselves, which are drift whatever the baseline says), the cloud metadata caller chains it asks about, and those
/// of them fit to be learned (seen in a young container with no alert).
/// </summary>
public sealed record ImageReport(IReadOnlyList<string> Executables, IReadOnlyList<string> MetadataChains, IReadOnlyList<string> LearnableMetadataChains);
