namespace Vigil.Silo.Ingestion.Http;

/// <summary>One record that kept a request out: the 1-based line of the body it starts on and why.</summary>
public sealed record LineFailure(int Line, string Reason);
