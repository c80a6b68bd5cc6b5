namespace Vigil.Runtime.Remoting;

/// <summary>What one caller's stream may make this silo hold.</summary>
public sealed class SiloCallServiceOptions
{
    /// <summary>
    /// Calls admitted on one stream and not yet answered. Past it the owner stops reading that stream, so the
    /// caller's writes wait (HTTP/2 flow control) and its calls time out at its side rather than piling up here.
    /// </summary>
    public int MaxCallsInFlightPerStream { get; set; } = 1024;
}
