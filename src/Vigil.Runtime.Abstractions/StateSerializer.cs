using System.Buffers;
using System.Text.Json;

namespace Vigil.Runtime;

/// <summary>
/// Writes grain state as JSON through one buffer per thread, kept at the size of the largest state it wrote (up to
/// <see cref="MaxKeptBytes"/>): a busy grain's state is written whole with every batch, and growing a fresh buffer
/// each time copied it over and over. Serialization never awaits, so a thread's buffer serves one write at a time.
/// </summary>
internal static class StateSerializer
{
    private const int MaxKeptBytes = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] Serialize<T>(T value)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            JsonSerializer.Serialize(writer, value);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity > MaxKeptBytes)
            {
                // One huge state must not pin its buffer to the thread for good.
                t_buffer = null;
                t_writer = null;
            }
        }
    }
}
