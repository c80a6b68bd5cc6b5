namespace Vigil.Grains.Detection;

/// <summary>
/// open(2) flags by name, as the Linux x86-64 and arm64 ABIs number them, so rules say <c>fd.flags = O_CREAT</c>
/// rather than comparing octal numbers. The access mode (the low two bits) is always named, O_RDONLY included.
/// </summary>
public static class OpenFlags
{
    private const uint AccessModeMask = 3;

    private static readonly (uint Bit, string Name)[] Bits =
    [
        (0x40, "O_CREAT"),
        (0x80, "O_EXCL"),
        (0x200, "O_TRUNC"),
        (0x400, "O_APPEND"),
        (0x800, "O_NONBLOCK"),
        (0x10000, "O_DIRECTORY"),
        (0x20000, "O_NOFOLLOW"),
        (0x80000, "O_CLOEXEC"),
        (0x400000, "O_TMPFILE"),
    ];

    private static readonly string[] AccessModes = ["O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"];

    public static IReadOnlyList<string> Names(uint flags)
    {
        var names = new List<string>(4) { AccessModes[flags & AccessModeMask] };
        foreach (var (bit, name) in Bits)
        {
            if ((flags & bit) == bit)
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>Parses a name back to its bits; null for a name this table does not know.</summary>
    public static uint? Parse(string name)
    {
        var mode = Array.IndexOf(AccessModes, name);
        if (mode is >= 0 and < 3)
        {
            return (uint)mode;
        }
        foreach (var (bit, known) in Bits)
        {
            if (known == name)
            {
                return bit;
            }
        }
        return null;
    }

    public static bool Writes(uint flags) => (flags & AccessModeMask) != 0 || (flags & 0x240) != 0;
}
