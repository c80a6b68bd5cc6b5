namespace Vigil.Runtime.Remoting;

/// <summary>A grain on another silo threw: its exception's type name and message, carried back to the caller.</summary>
public sealed class RemoteGrainException(string type, string message)
    : Exception($"{type}: {message}")
{
    public string RemoteType { get; } = type;

    public string RemoteMessage { get; } = message;
}
