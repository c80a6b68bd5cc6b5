using System.Text.Json;

namespace Vigil.Ingestion;

/// <summary>
/// Splits an input into top-level JSON values and hands each to a <see cref="RecordHandler"/> with the line it
/// starts on. It first reads the input as a sequence of values, which covers JSON lines, one pretty-printed
/// document and the concatenated envelopes Firehose writes; at the first syntax error it falls back to reading
/// the rest line by line, so one broken line costs that line and not the rest of the file.
/// </summary>
internal static class JsonRecordReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowMultipleValues = true, MaxDepth = 256 };

    public static void Read(ReadOnlySpan<byte> input, ParseReport report, RecordHandler handler)
    {
        var resumeAt = ReadValues(input, report, handler);
        if (resumeAt >= 0)
        {
            ReadLines(input, resumeAt, report, handler);
        }
    }

    /// <summary>Runs a handler on one record, turning a bad record into a counted failure for that record only.</summary>
    public static void Guarded(JsonElement element, int line, ParseReport report, RecordHandler handler)
    {
        try
        {
            handler(element, line, report);
        }
        catch (Exception e) when (IsRecordError(e))
        {
            report.AddFailed(line, e.Message);
        }
    }

    /// <summary>Each member of a container is its own record: a bad item fails alone, named by its index.</summary>
    public static void GuardedEach(JsonElement array, int line, ParseReport report, string container, RecordHandler handler)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            try
            {
                handler(item, line, report);
            }
            catch (Exception e) when (IsRecordError(e))
            {
                report.AddFailed(line, $"{container}[{i}]: {e.Message}");
            }

            i++;
        }
    }

    /// <summary>The errors that mean "this record is bad", as opposed to bugs, which must not be swallowed.</summary>
    public static bool IsRecordError(Exception e) =>
        e is InvalidRecordException or InvalidOperationException or JsonException or FormatException or InvalidDataException;

    // Returns -1 when the whole input was read, else the offset after the last good value.
    private static long ReadValues(ReadOnlySpan<byte> input, ParseReport report, RecordHandler handler)
    {
        var reader = new Utf8JsonReader(input, ReaderOptions);
        long lastEnd = 0;
        var line = 1;
        var counted = 0;
        while (true)
        {
            JsonDocument document;
            int start;
            try
            {
                if (!reader.Read())
                {
                    return -1;
                }

                start = (int)reader.TokenStartIndex;
                document = JsonDocument.ParseValue(ref reader);
            }
            catch (JsonException)
            {
                return lastEnd;
            }

            using (document)
            {
                line += CountNewlines(input[counted..start]);
                counted = start;
                lastEnd = reader.BytesConsumed;
                Guarded(document.RootElement, line, report, handler);
            }
        }
    }

    private static void ReadLines(ReadOnlySpan<byte> input, long from, ParseReport report, RecordHandler handler)
    {
        var line = 1 + CountNewlines(input[..(int)from]);
        var rest = input[(int)from..];
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var text = newline < 0 ? rest : rest[..newline];
            ReadLine(text, line, report, handler);
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            line++;
        }
    }

    private static void ReadLine(ReadOnlySpan<byte> text, int line, ParseReport report, RecordHandler handler)
    {
        if (text.Trim(" \t\r\f"u8).IsEmpty)
        {
            return;
        }

        var reader = new Utf8JsonReader(text, ReaderOptions);
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    return;
                }

                using var document = JsonDocument.ParseValue(ref reader);
                Guarded(document.RootElement, line, report, handler);
            }
            catch (JsonException e)
            {
                report.AddFailed(line, $"malformed JSON at column {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
                return;
            }
        }
    }

    private static int CountNewlines(ReadOnlySpan<byte> span) => span.Count((byte)'\n');

    // The reader's messages end with a path and position we already report as line and column.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
