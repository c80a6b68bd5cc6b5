using Vigil.Contracts.Events.V1;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>Keys that name one process, or one process's parent, across the events it causes.</summary>
public static class ProcessKeys
{
    /// <summary>Pid and exec id: the pid alone is reused, and a process that execs again is a different program.</summary>
    public static string Of(Process process) => $"{process.Pid}/{process.ExecId}";

    /// <summary>The parent of the event's process: its first ancestor when the sensor sent it, else the bare ppid.</summary>
    public static string Parent(RuntimeEvent value)
    {
        var process = value.Process;
        if (process is null)
        {
            return "";
        }
        return value.Ancestors.Count > 0 && value.Ancestors[0].Pid == process.Ppid ? Of(value.Ancestors[0]) : $"{process.Ppid}/";
    }
}
