namespace Vigil.Grpc.Client;

/// <summary>Per-call settings: metadata to send, a deadline, and a token that cancels the call.</summary>
public readonly record struct CallOptions(
    Metadata? Headers = null,
    DateTimeOffset? Deadline = null,
    CancellationToken CancellationToken = default);
