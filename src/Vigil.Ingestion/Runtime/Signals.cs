namespace Vigil.Ingestion.Runtime;

/// <summary>Tetragon names the killing signal ("SIGKILL"); the event model carries its number.</summary>
internal static class Signals
{
    private static readonly string[] Names =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    public static int FromName(string name)
    {
        if (name.Length == 0)
        {
            return 0;
        }

        var index = Array.IndexOf(Names, name);
        return index > 0 ? index : int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
