namespace Vigil.Grains.Entities.Detectors;

/// <summary>The kinds of program the detectors tell apart by name.</summary>
public static class ProcessNames
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal)
    {
        "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "busybox",
    };

    /// <summary>Programs whose job is to fetch files over the network: whatever they write is a download.</summary>
    private static readonly HashSet<string> DownloadTools = new(StringComparer.Ordinal)
    {
        "curl", "wget", "aria2c", "axel", "fetch", "ftp", "tftp", "lftp", "sftp", "scp", "rsync", "nc", "ncat", "netcat",
        "socat", "tftp-hpa",
    };

    /// <summary>Interpreters that run code given inline with these options.</summary>
    private static readonly Dictionary<string, string> InlineCodeOptions = new(StringComparer.Ordinal)
    {
        ["python"] = "-c", ["python2"] = "-c", ["python3"] = "-c", ["perl"] = "-e", ["ruby"] = "-e", ["node"] = "-e",
        ["php"] = "-r", ["lua"] = "-e",
    };

    public static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    public static bool IsShell(string binary) => Shells.Contains(BaseName(binary));

    public static bool IsDownloadTool(string binary) => DownloadTools.Contains(BaseName(binary));

    /// <summary>An interpreter running code from its command line rather than from a file of the image.</summary>
    public static bool RunsInlineCode(string binary, IEnumerable<string> args)
    {
        var name = BaseName(binary);
        // python3.12 and the like share python3's option.
        var key = InlineCodeOptions.Keys.FirstOrDefault(k => name == k || (name.StartsWith(k, StringComparison.Ordinal) && name[k.Length] == '.'));
        return key is not null && args.Any(a => a == InlineCodeOptions[key]);
    }
}
