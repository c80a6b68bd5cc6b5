namespace Vigil.Grains.Entities.Detectors;

/// <summary>Reads a <c>chmod</c> command line: whether it grants execute permission, and to which files.</summary>
public static class ChmodCommand
{
    /// <summary>The absolute paths a chmod exec makes executable; empty when it grants no execute bit.</summary>
    public static IReadOnlyList<string> ExecutableTargets(string binary, IReadOnlyList<string> args, string cwd)
    {
        if (ProcessNames.BaseName(binary) != "chmod")
        {
            return [];
        }
        var operands = args.Where(a => !a.StartsWith('-') || IsSymbolicRemoval(a)).ToList();
        if (operands.Count < 2 || !GrantsExecute(operands[0]))
        {
            return [];
        }
        return [.. operands.Skip(1).Select(p => Resolve(p, cwd))];
    }

    public static bool GrantsExecute(uint mode) => (mode & 0b001_001_001) != 0;

    public static bool GrantsExecute(string mode)
    {
        if (mode.Length is > 0 and <= 4 && mode.All(c => c is >= '0' and <= '7'))
        {
            return GrantsExecute(Octal(mode));
        }
        // Symbolic: clauses such as u+x, a=rx, +x; only + and = grant.
        foreach (var clause in mode.Split(','))
        {
            var op = clause.IndexOfAny(['+', '=']);
            if (op >= 0 && clause.AsSpan(op + 1).IndexOfAny('x', 'X') >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"-x" is a mode (take execute away), not an option; it grants nothing, but it is no option either.</summary>
    private static bool IsSymbolicRemoval(string arg) => arg.Length > 1 && arg[1..].All(c => c is 'r' or 'w' or 'x' or 'X' or 's' or 't');

    private static uint Octal(string digits)
    {
        uint value = 0;
        foreach (var c in digits)
        {
            value = (value * 8) + (uint)(c - '0');
        }
        return value;
    }

    private static string Resolve(string path, string cwd)
    {
        if (path.StartsWith('/'))
        {
            return Normalise(path);
        }
        var baseDir = cwd.Length == 0 ? "/" : cwd;
        return Normalise(baseDir.TrimEnd('/') + "/" + path);
    }

    private static string Normalise(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }
        return "/" + string.Join('/', parts);
    }
}
