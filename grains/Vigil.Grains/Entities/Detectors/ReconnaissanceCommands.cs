namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Commands that describe the machine, the user or the cluster to whoever runs them: what an attacker runs first
/// after landing in a container. Each has a stable name, so <c>id</c> run twice is one command and <c>cat
/// /etc/passwd</c> and <c>cat /proc/version</c> are two.
/// </summary>
public static class ReconnaissanceCommands
{
    private static readonly HashSet<string> Plain = new(StringComparer.Ordinal)
    {
        "whoami", "id", "uname", "hostname", "ps", "ifconfig", "netstat", "ss", "env", "printenv", "mount", "df", "nproc",
        "lscpu", "lsblk", "lsof", "w", "who", "last", "uptime", "arp", "route", "groups", "lsmod", "getent", "free",
    };

    // ip addr, ip route and the like; "ip" alone prints usage.
    private static readonly HashSet<string> IpObjects = new(StringComparer.Ordinal) { "a", "addr", "address", "r", "route", "l", "link", "n", "neigh" };

    /// <summary>Files whose contents describe the system; reading one with cat counts as a discovery command.</summary>
    private static readonly HashSet<string> SystemFiles = new(StringComparer.Ordinal)
    {
        "/etc/passwd", "/etc/group", "/proc/version", "/etc/os-release", "/etc/issue", "/proc/cpuinfo", "/etc/hosts",
        "/etc/resolv.conf", "/proc/self/cgroup", "/proc/1/cgroup",
    };

    private static readonly HashSet<string> KubectlVerbs = new(StringComparer.Ordinal) { "get", "describe", "cluster-info", "version", "config" };

    /// <summary>How many distinct command names there are: the most a burst can reach (ip and kubectl auth can-i are the two besides the sets).</summary>
    public static int Count => Plain.Count + SystemFiles.Count + KubectlVerbs.Count + 2;

    /// <summary>The command's name for counting; null when it is not a discovery command.</summary>
    public static string? Classify(string binary, IReadOnlyList<string> args)
    {
        var name = ProcessNames.BaseName(binary);
        if (Plain.Contains(name))
        {
            return name;
        }
        switch (name)
        {
            case "ip" when args.Any(IpObjects.Contains):
                return "ip";
            case "cat" or "head" or "less" or "more":
                var file = args.FirstOrDefault(SystemFiles.Contains);
                return file is null ? null : "cat " + file;
            case "kubectl" when args.Count >= 2 && args[0] == "auth" && args[1] == "can-i":
                return "kubectl auth can-i";
            case "kubectl" when args.Count >= 1 && KubectlVerbs.Contains(args[0]):
                return "kubectl " + args[0];
            default:
                return null;
        }
    }
}
