namespace Vigil.Silo.Ingestion.Http;

/// <summary>
/// The body of every 4xx the ingestion and admission endpoints send: a stable code to branch on, a sentence for
/// people, and the records at fault (with <see cref="FailedRecords"/> counting those past the listed ones).
/// </summary>
public sealed record IngestionError(string Error, string Message, IReadOnlyList<LineFailure>? Failures = null, int? FailedRecords = null);
