using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// One event as a detector sees it: the pod's state before the event, the event's container (null for an event
/// with no container), the grain's clock, and what the image baselines said for this batch.
/// </summary>
public sealed record DetectorInput(
    PodState State,
    ContainerRecord? Container,
    RuntimeEvent Event,
    DateTimeOffset Now,
    ImageVerdicts Images);
