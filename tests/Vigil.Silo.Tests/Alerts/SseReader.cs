namespace Vigil.Silo.Tests.Alerts;

/// <summary>Reads a server-sent event stream one event (or comment) at a time.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>The next block up to a blank line: its event name (or ":" for a comment) and its data.</summary>
    public async Task<(string Event, string Data)> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    return (name ?? "message", string.Join('\n', data));
                }
                continue;
            }
            if (line.StartsWith(':'))
            {
                name ??= ":";
                data.Add(line[1..].Trim());
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }
        throw new EndOfStreamException("The event stream ended.");
    }

    public void Dispose() => _reader.Dispose();
}
