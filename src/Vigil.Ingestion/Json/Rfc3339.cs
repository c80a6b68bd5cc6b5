namespace Vigil.Ingestion.Json;

/// <summary>
/// Reads RFC 3339 timestamps to nanoseconds without allocating. Hand-written because the sources carry up to
/// nine fraction digits (GKE, Tetragon), which DateTimeOffset cannot hold, and Panther's stored fixtures use a
/// space instead of 'T' and no zone (read as UTC).
/// </summary>
internal static class Rfc3339
{
    private const long NanosPerSecond = 1_000_000_000;

    public static bool TryParse(ReadOnlySpan<byte> s, out long unixNanos)
    {
        unixNanos = 0;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var digits = 0;
            while (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9')
            {
                if (digits < 9)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                    digits++;
                }

                i++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 9; digits++)
            {
                fraction *= 10;
            }
        }

        if (!Offset(s[i..], out var offsetSeconds))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var seconds = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), TimeSpan.Zero).ToUnixTimeSeconds() - offsetSeconds;
        unixNanos = (seconds * NanosPerSecond) + fraction;
        return true;
    }

    private static bool Offset(ReadOnlySpan<byte> s, out int seconds)
    {
        seconds = 0;
        if (s.IsEmpty || (s.Length == 1 && (s[0] == 'Z' || s[0] == 'z')))
        {
            return true;
        }

        if (s.Length != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' || !Digits(s.Slice(1, 2), out var h) || !Digits(s.Slice(4, 2), out var m))
        {
            return false;
        }

        seconds = ((h * 60) + m) * 60 * (s[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
