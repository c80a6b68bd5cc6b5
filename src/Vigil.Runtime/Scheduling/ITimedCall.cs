namespace Vigil.Runtime.Scheduling;

/// <summary>What the call-timeout sweep needs of a pending call, whatever its result type.</summary>
internal interface ITimedCall
{
    long StartTimestamp { get; }

    bool IsCompleted { get; }

    void TimeOut(GrainId grain, TimeSpan timeout);
}
