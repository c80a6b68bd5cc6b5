namespace Vigil.Silo.Ingestion.Http;

/// <summary>A request refused before anything was dispatched; the endpoint answers it with <see cref="Status"/> and <see cref="Body"/>.</summary>
public sealed class IngestionRejectedException(int status, IngestionError body) : Exception(body?.Message)
{
    public int Status { get; } = status;

    public IngestionError Body { get; } = body ?? throw new ArgumentNullException(nameof(body));

    public static IngestionRejectedException BadRequest(string error, string message) =>
        new(StatusCodes.Status400BadRequest, new IngestionError(error, message));
}
