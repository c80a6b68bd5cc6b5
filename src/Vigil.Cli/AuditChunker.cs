using System.Text.Json;

namespace Vigil.Cli;

/// <summary>
/// Splits an audit file into request bodies under a size, only between top-level JSON values (JSON lines, or
/// concatenated documents), so every record arrives whole. A pretty-printed document is one value and goes whole;
/// so does gzip, which cannot be split without inflating it. Past a syntax error the rest splits at line ends,
/// which is how the server reads it too, so it still names the broken line.
/// </summary>
public static class AuditChunker
{
    public static IReadOnlyList<AuditChunk> Split(ReadOnlyMemory<byte> file, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        var span = file.Span;
        if (file.Length <= maxBytes || (span.Length >= 2 && span[0] == 0x1f && span[1] == 0x8b))
        {
            return [new AuditChunk(file, 1)];
        }
        var chunks = new List<AuditChunk>();
        var start = 0;
        var line = 1;
        var last = 0;
        foreach (var end in Boundaries(span))
        {
            if (end - start > maxBytes && last > start)
            {
                chunks.Add(new AuditChunk(file[start..last], line));
                line += span[start..last].Count((byte)'\n');
                start = last;
            }
            last = end;
        }
        if (start < file.Length)
        {
            chunks.Add(new AuditChunk(file[start..], line));
        }
        return chunks;
    }

    /// <summary>Offsets just past each top-level value (or, after a syntax error, each line), ending with the file's length.</summary>
    private static List<int> Boundaries(ReadOnlySpan<byte> span)
    {
        var ends = new List<int>();
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 });
        var resume = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
                resume = (int)reader.BytesConsumed;
                ends.Add(resume);
            }
        }
        catch (JsonException)
        {
            for (var i = span[resume..].IndexOf((byte)'\n'); i >= 0; i = span[resume..].IndexOf((byte)'\n'))
            {
                resume += i + 1;
                ends.Add(resume);
            }
        }
        ends.Add(span.Length);
        return ends;
    }
}
