namespace Vigil.Runtime.Remoting;

/// <summary>
/// The call reached the silo that owned the grain, which went away before answering: it may or may not have run,
/// so it is not sent again (a retry could run it twice). The caller decides, as after a timeout.
/// </summary>
public sealed class RemoteCallOutcomeUnknownException(GrainId grain, string method, string detail)
    : Exception($"The outcome of {method} on grain {grain} is unknown: {detail}")
{
    public GrainId Grain { get; } = grain;
}
