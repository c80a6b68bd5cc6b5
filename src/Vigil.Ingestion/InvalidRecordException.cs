namespace Vigil.Ingestion;

/// <summary>A record that is JSON but not a valid record of its format; it fails that record only.</summary>
public sealed class InvalidRecordException : Exception
{
    public InvalidRecordException()
    {
    }

    public InvalidRecordException(string message)
        : base(message)
    {
    }

    public InvalidRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
