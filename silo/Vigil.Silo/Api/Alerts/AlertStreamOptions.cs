namespace Vigil.Silo.Api.Alerts;

/// <summary>The live stream's settings. Configuration section <c>AlertStream</c>.</summary>
public sealed class AlertStreamOptions
{
    public const string Section = "AlertStream";

    /// <summary>
    /// A comment line this often on a quiet stream, so proxies with idle timeouts keep it open and a client can tell
    /// a quiet stream from a dead one.
    /// </summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The stream's feed queue: a client this far behind is told how many alerts it missed.</summary>
    public int QueueCapacity { get; set; } = 1024;
}
