namespace Vigil.Runtime;

public enum DeactivationReason
{
    /// <summary>Idle for longer than the collection age.</summary>
    Idle,

    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    Requested,

    /// <summary>The silo is shutting down.</summary>
    Shutdown,

    /// <summary>The grain's shard is being handed to another silo.</summary>
    Handoff,
}
