namespace Vigil.Ingestion.Runtime;

/// <summary>Falco prints open(2) flags symbolically ("O_WRONLY|O_CREAT|O_TRUNC"); the event model keeps the x86-64 numbers.</summary>
internal static class OpenFlags
{
    public const uint Create = 0x40;

    private static readonly Dictionary<string, uint> Bits = new(StringComparer.Ordinal)
    {
        ["O_RDONLY"] = 0, ["O_WRONLY"] = 0x1, ["O_RDWR"] = 0x2, ["O_CREAT"] = Create, ["O_EXCL"] = 0x80,
        ["O_NOCTTY"] = 0x100, ["O_TRUNC"] = 0x200, ["O_APPEND"] = 0x400, ["O_NONBLOCK"] = 0x800, ["O_DSYNC"] = 0x1000,
        ["O_DIRECT"] = 0x4000, ["O_LARGEFILE"] = 0x8000, ["O_DIRECTORY"] = 0x10000, ["O_NOFOLLOW"] = 0x20000,
        ["O_NOATIME"] = 0x40000, ["O_CLOEXEC"] = 0x80000, ["O_SYNC"] = 0x101000, ["O_PATH"] = 0x200000, ["O_TMPFILE"] = 0x410000,
    };

    public static uint Parse(string text)
    {
        // Falco writes "<number>(O_A|O_B)" in some versions and just the names in others.
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && uint.TryParse(text.AsSpan(0, open), System.Globalization.CultureInfo.InvariantCulture, out var numeric))
        {
            return numeric;
        }

        uint flags = 0;
        foreach (var name in text.Trim('(', ')').Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            flags |= Bits.GetValueOrDefault(name);
        }

        return flags;
    }
}
