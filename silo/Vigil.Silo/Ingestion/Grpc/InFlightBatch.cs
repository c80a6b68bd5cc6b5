namespace Vigil.Silo.Ingestion.Grpc;

/// <summary>A batch whose dispatch has started: acknowledged once <see cref="Applied"/> completes.</summary>
public sealed record InFlightBatch(ulong Sequence, int Events, Task Applied);
