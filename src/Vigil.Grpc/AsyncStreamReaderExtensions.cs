using System.Runtime.CompilerServices;

namespace Vigil.Grpc;

public static class AsyncStreamReaderExtensions
{
    /// <summary>Reads the stream to its end as an async sequence.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        this IAsyncStreamReader<T> reader,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.Current;
        }
    }
}
