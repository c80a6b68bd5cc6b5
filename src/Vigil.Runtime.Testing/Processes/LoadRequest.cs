namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// Closed-loop load from the silo that receives it: <see cref="Concurrency"/> workers, worker i cycling over keys
/// i, i + Concurrency, ...; each waits <see cref="IntervalMs"/> between the starts of its calls (0: none). Runs for
/// <see cref="Seconds"/> or until <c>POST /control/load/stop</c>. <c>POST /control/load/mark</c> restarts the latency
/// measurement of every running load (say, once a warm-up is over).
/// </summary>
public sealed record LoadRequest(string Operation, IReadOnlyList<string> Keys, double Seconds, int Concurrency = 64, double IntervalMs = 0);
