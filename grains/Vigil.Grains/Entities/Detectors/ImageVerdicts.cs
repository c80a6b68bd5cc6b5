using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>What the images of one batch answered, by image key; an image not asked (or not reachable) answered nothing.</summary>
public sealed class ImageVerdicts(IReadOnlyDictionary<string, ImageVerdict> answers)
{
    public static ImageVerdicts None { get; } = new(new Dictionary<string, ImageVerdict>());

    /// <summary>True when the event's image, done learning, does not hold <paramref name="binary"/>.</summary>
    public bool IsUnknownExecutable(EventContext? context, string binary) =>
        Answer(context) is { Learning: false } answer && answer.UnknownExecutables.Contains(binary, StringComparer.Ordinal);

    /// <summary>
    /// The image's judgement of a metadata caller chain: null when it was not asked; otherwise whether the chain is
    /// normal, and whether that answer is final (normal stays normal; unusual is final once learning ended).
    /// </summary>
    public (bool Normal, bool Final)? Metadata(EventContext? context, string chain)
    {
        if (Answer(context) is not { } answer)
        {
            return null;
        }
        var normal = answer.NormalMetadataChains.Contains(chain, StringComparer.Ordinal);
        return (normal, normal || !answer.Learning);
    }

    private ImageVerdict? Answer(EventContext? context) =>
        ImageKeys.Of(context) is { } key && answers.TryGetValue(key, out var answer) ? answer : null;
}
