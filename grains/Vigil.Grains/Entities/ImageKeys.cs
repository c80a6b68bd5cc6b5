using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Entities;

/// <summary>
/// Image grain keys: <c>cluster/digest</c> when the runtime resolved the digest, so a tag that moves to new content
/// starts a new baseline; <c>cluster/reference</c> otherwise. Per cluster, so one tenant's workloads do not teach
/// another's baseline.
/// </summary>
public static class ImageKeys
{
    /// <summary>The key of the event's image; null when the event names no image.</summary>
    public static string? Of(EventContext? context)
    {
        if (context is null)
        {
            return null;
        }
        var image = context.ImageDigest.Length > 0 ? context.ImageDigest : context.Image;
        return image.Length == 0 ? null : $"{context.Cluster}/{image}";
    }
}
