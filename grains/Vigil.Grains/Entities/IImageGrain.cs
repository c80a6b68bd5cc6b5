using Vigil.Runtime;

namespace Vigil.Grains.Entities;

/// <summary>
/// One container image in one cluster, keyed by <see cref="ImageKeys.Of"/>: the baseline of what its containers run
/// and which of their processes use the cloud metadata service, learned while the image is new. Pods call it; it
/// calls no one, so no call can cycle back into a pod's turn.
/// </summary>
[GrainType("vigil.image")]
public interface IImageGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reports what containers of the image did for the first time; while the image is learning the baseline takes
    /// it in, afterwards the answer says what of it lies outside the baseline.
    /// </summary>
    Task<ImageVerdict> ObserveAsync(ImageReport report);
}
