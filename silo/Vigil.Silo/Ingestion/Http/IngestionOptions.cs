namespace Vigil.Silo.Ingestion.Http;

/// <summary>Limits of the HTTP ingestion endpoints. Configuration section <c>Ingestion</c> (<c>VIGIL_Ingestion__MaxBodyBytes</c>).</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>The largest request body taken, as sent (compressed or not); larger ones get 413 and change nothing.</summary>
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// The most a gzip body may inflate to. A few megabytes of gzip can expand to gigabytes, so a compressed body is
    /// held to this bound as well as to <see cref="MaxBodyBytes"/>.
    /// </summary>
    public long MaxDecompressedBytes { get; set; } = 256 * 1024 * 1024;
}
