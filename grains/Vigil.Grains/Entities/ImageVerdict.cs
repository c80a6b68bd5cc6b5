namespace Vigil.Grains.Entities;

/// <summary>
/// The image's answer to an <see cref="ImageReport"/>. While <see cref="Learning"/> no executable is outside the
/// baseline, and a metadata chain is normal when an earlier report taught it; after learning the answers are final.
/// <see cref="UnknownExecutables"/> is empty too once the baseline saturated (an image whose containers run that
/// many distinct programs has no baseline worth judging by).
/// </summary>
public sealed record ImageVerdict(bool Learning, IReadOnlyList<string> UnknownExecutables, IReadOnlyList<string> NormalMetadataChains)
{
    /// <summary>What a batch assumes when the image could not be asked: nothing is unknown, nothing is normal.</summary>
    public static ImageVerdict None { get; } = new(true, [], []);
}
