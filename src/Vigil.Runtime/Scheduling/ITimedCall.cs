namespace Vigil.Runtime.Scheduling;

/// <summary>What the call-timeout sweep needs of a pending call, whatever its result type.</summary>
internal interface ITimedCall
{
    long StartTimestamp { get; }

    bool IsCompleted { get; }

    void TimeOut(GrainId grain, TimeSpan timeout);

    /// <summary>Sends the call again through the runtime (its grain's shard now lives elsewhere), completing this one with its outcome.</summary>
    void Resend(GrainRuntime runtime, GrainId grain);
}
