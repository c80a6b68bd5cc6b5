namespace Vigil.Cli;

/// <summary>A run of whole records from one file, and the file line its first byte is on (to translate the server's line numbers back).</summary>
public sealed record AuditChunk(ReadOnlyMemory<byte> Body, int FirstLine);
