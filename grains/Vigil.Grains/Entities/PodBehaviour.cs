using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection;

namespace Vigil.Grains.Entities;

/// <summary>Keeps a pod's behavioural state up to date, one event at a time, within <see cref="PodLimits"/>.</summary>
public static class PodBehaviour
{
    // Scratch for finding an eviction candidate, which runs with every exec into a full tree; never held across calls.
    [ThreadStatic]
    private static HashSet<uint>? t_parents;

    public static void Record(PodState state, RuntimeEvent value, DateTimeOffset now)
    {
        var context = value.Context;
        if (context is not null)
        {
            Identify(state, context);
        }
        var container = ContainerOf(state, context, now);
        switch (value.KindCase)
        {
            case RuntimeEvent.KindOneofCase.Exec:
                RecordExec(state, container, value);
                break;
            case RuntimeEvent.KindOneofCase.Exit:
                if (value.Process is { } ended && state.Processes.TryGetValue(ended.Pid, out var known))
                {
                    // Kept, not removed: its children may still run and still need it as an ancestor.
                    known.Exited = true;
                }
                break;
            case RuntimeEvent.KindOneofCase.File:
                RecordWrite(state, container, value);
                Touch(state, value.Process);
                break;
            case RuntimeEvent.KindOneofCase.Connect:
                RecordConnection(state, value, now);
                Touch(state, value.Process);
                break;
            default:
                Touch(state, value.Process);
                break;
        }
    }

    /// <summary>A process that acts is still there: it moves to the back of the eviction order, as an exec would put it.</summary>
    private static void Touch(PodState state, Process? process)
    {
        if (process is not null && state.Processes.TryGetValue(process.Pid, out var known) && !known.Exited
            && string.Equals(known.ExecId, process.ExecId, StringComparison.Ordinal))
        {
            known.Order = state.NextOrder++;
        }
    }

    /// <summary>
    /// The ancestors the pod's tree knows beyond those the event carries, nearest first: what a sensor that sends
    /// short ancestry (or none) leaves out. Empty when the tree adds nothing.
    /// </summary>
    public static IReadOnlyList<ProcessRecord> MissingAncestors(PodState state, RuntimeEvent value)
    {
        if (value.Process is null || value.Ancestors.Count >= PodLimits.MaxAncestry)
        {
            return [];
        }
        var pid = value.Ancestors.Count > 0 ? value.Ancestors[^1].Ppid : value.Process.Ppid;
        // Nearly always the tree knows no more than the sensor sent: nothing is allocated for that.
        if (pid == 0 || !state.Processes.ContainsKey(pid))
        {
            return [];
        }
        var found = new List<ProcessRecord>();
        // Pid reuse can make the stored tree cyclic; a pid met before ends the walk instead of looping. The walk
        // stops at MaxAncestry, so a linear look through what it has met costs less than a set.
        while (pid != 0 && value.Ancestors.Count + found.Count < PodLimits.MaxAncestry
            && state.Processes.TryGetValue(pid, out var parent) && !Met(value, found, pid))
        {
            found.Add(parent);
            pid = parent.Ppid;
        }
        return found;
    }

    private static bool Met(RuntimeEvent value, List<ProcessRecord> found, uint pid)
    {
        if (value.Process.Pid == pid)
        {
            return true;
        }
        foreach (var ancestor in value.Ancestors)
        {
            if (ancestor.Pid == pid)
            {
                return true;
            }
        }
        foreach (var record in found)
        {
            if (record.Pid == pid)
            {
                return true;
            }
        }
        return false;
    }

    private static void Identify(PodState state, EventContext context)
    {
        // Every event repeats these: the held strings stay unless the value changed, and the event's copies die young.
        state.Cluster = Same(state.Cluster, context.Cluster);
        state.Namespace = Same(state.Namespace, context.PodNamespace);
        state.Pod = Same(state.Pod, context.PodName);
        if (context.Node.Length > 0)
        {
            state.Node = Same(state.Node, context.Node);
        }
    }

    private static string Same(string held, string value) => string.Equals(held, value, StringComparison.Ordinal) ? held : value;

    /// <summary>
    /// The event's container, recorded now if it is new, so detectors can keep state from a container's first event
    /// on; null for an event with no container.
    /// </summary>
    public static ContainerRecord? ContainerOf(PodState state, EventContext? context, DateTimeOffset now) =>
        context is null || context.ContainerId.Length == 0 ? null : Container(state, context, now);

    /// <summary>A file event that created, wrote, or opened for writing or truncating.</summary>
    public static bool Writes(FileActivity file) =>
        file.Operation is FileOperation.Create or FileOperation.Write
        || (file.Operation == FileOperation.Open && OpenFlags.Writes(file.Flags));

    private static ContainerRecord Container(PodState state, EventContext context, DateTimeOffset now)
    {
        if (state.Containers.TryGetValue(context.ContainerId, out var container))
        {
            return container;
        }
        if (state.Containers.Count >= PodLimits.MaxContainers)
        {
            var oldest = state.Containers.Values.MinBy(c => c.FirstSeen)!;
            state.Containers.Remove(oldest.Id);
        }
        container = new ContainerRecord
        {
            Id = context.ContainerId,
            Name = context.ContainerName,
            Image = context.Image,
            ImageDigest = context.ImageDigest,
            FirstSeen = now,
        };
        state.Containers.Add(container.Id, container);
        if (context.Image.Length > 0 && !state.Images.Contains(context.Image))
        {
            if (state.Images.Count >= PodLimits.MaxImages)
            {
                state.Images.RemoveAt(0);
            }
            state.Images.Add(context.Image);
        }
        return container;
    }

    private static void RecordExec(PodState state, ContainerRecord? container, RuntimeEvent value)
    {
        var process = value.Process;
        if (process is null)
        {
            return;
        }
        var strings = state.Strings;
        if (container is not null && value.Errno == 0 && process.Binary.Length > 0 && !container.Executables.Contains(process.Binary))
        {
            if (container.Executables.Count < PodLimits.MaxExecutablesPerContainer)
            {
                container.Executables.Add(strings.Of(process.Binary));
            }
            else
            {
                container.ExecutablesTruncated = true;
            }
        }
        if (value.Errno != 0)
        {
            // A refused exec left the process as it was: the tree keeps its previous image.
            return;
        }
        // The record of the process this exec replaces, or of the one a full tree lets go, takes the new exec's
        // values: the tree keeps what it holds instead of a new record per exec.
        if (!state.Processes.TryGetValue(process.Pid, out var record) && state.Processes.Count >= PodLimits.MaxProcesses)
        {
            var evicted = EvictionCandidate(state.Processes);
            record = state.Processes[evicted];
            state.Processes.Remove(evicted);
        }
        var (binary, args, user, cwd) = (strings.Of(process.Binary), state.Arguments.Of(process.Args), strings.Of(process.User), strings.Of(process.Cwd));
        if (record is null)
        {
            state.Processes[process.Pid] = new ProcessRecord(
                process.Pid, process.Ppid, binary, args, process.Uid, user, cwd, process.ExecId, process.StartTimeUnixNano, false, state.NextOrder++);
            return;
        }
        record.Pid = process.Pid;
        record.Ppid = process.Ppid;
        record.Binary = binary;
        record.Args = args;
        record.Uid = process.Uid;
        record.User = user;
        record.Cwd = cwd;
        record.ExecId = process.ExecId;
        record.StartTimeUnixNano = process.StartTimeUnixNano;
        record.Exited = false;
        record.Order = state.NextOrder++;
        state.Processes[process.Pid] = record;
    }

    /// <summary>
    /// The process nothing in the tree descends from that acted least recently, so a full tree sheds leaves (jobs
    /// whose exit the sensor missed) before the ancestors that live processes' ancestry is rebuilt from and before
    /// a busy server (the shim and the server start first and would go first by age alone); the least recent of all
    /// when every process has a child (pid reuse can make a cycle).
    /// </summary>
    private static uint EvictionCandidate(Dictionary<uint, ProcessRecord> processes)
    {
        var parents = t_parents ??= [];
        parents.Clear();
        foreach (var process in processes.Values)
        {
            if (process.Ppid != process.Pid)
            {
                parents.Add(process.Ppid);
            }
        }
        ProcessRecord? leaf = null;
        ProcessRecord? oldest = null;
        foreach (var process in processes.Values)
        {
            if (oldest is null || process.Order < oldest.Order)
            {
                oldest = process;
            }
            if (!parents.Contains(process.Pid) && (leaf is null || process.Order < leaf.Order))
            {
                leaf = process;
            }
        }
        return (leaf ?? oldest!).Pid;
    }

    private static void RecordWrite(PodState state, ContainerRecord? container, RuntimeEvent value)
    {
        var file = value.File;
        if (container is null || value.Errno != 0 || !Writes(file) || file.Path.Length == 0)
        {
            return;
        }
        BoundedMap.MakeRoom(container.WrittenFiles, file.Path, PodLimits.MaxWrittenFilesPerContainer, order => order);
        container.WrittenFiles[file.Path] = state.NextOrder++;
    }

    private static void RecordConnection(PodState state, RuntimeEvent value, DateTimeOffset now)
    {
        var connect = value.Connect;
        var strings = state.Strings;
        var record = new ConnectionRecord(
            now, strings.Of(value.Context?.ContainerId ?? ""), value.Process?.Pid ?? 0, strings.Of(value.Process?.Binary ?? ""),
            strings.Of(EventValues.Address(connect.DestinationAddress)?.ToString() ?? ""), connect.DestinationPort, EventValues.Protocol(connect.Protocol) ?? "", value.Errno);
        // A server connects to the same few peers over and over: a repeat refreshes its entry (moved to the end, as
        // the most recent) instead of pushing distinct connections out, and the stored list stays small. The entry
        // held is kept, its time moved on, so the new record dies young.
        var repeat = state.Connections.FindIndex(c => c.SameConnection(record));
        if (repeat >= 0)
        {
            var held = state.Connections[repeat];
            held.Time = now;
            state.Connections.RemoveAt(repeat);
            state.Connections.Add(held);
            return;
        }
        if (state.Connections.Count >= PodLimits.MaxConnections)
        {
            state.Connections.RemoveAt(0);
        }
        state.Connections.Add(record);
    }

    /// <summary>
    /// Forgets exited processes no process of the tree descends from, past the <see cref="PodLimits.MaxExitedLeafProcesses"/>
    /// most recently active: they can no longer be anyone's ancestor, except of a child whose exec is still on its
    /// way (a daemon's parent exits first), which the most recent ones cover. Run once per batch, after it.
    /// Exited processes with a child still in the tree are kept, as before; removing a leaf can make its exited
    /// parent a leaf in turn.
    /// </summary>
    public static void ForgetExitedLeaves(PodState state)
    {
        var processes = state.Processes;
        var exited = 0;
        foreach (var process in processes.Values)
        {
            exited += process.Exited ? 1 : 0;
        }
        if (exited <= PodLimits.MaxExitedLeafProcesses)
        {
            return;
        }
        var children = new Dictionary<uint, int>(processes.Count);
        foreach (var process in processes.Values)
        {
            if (process.Ppid != process.Pid)
            {
                children[process.Ppid] = children.GetValueOrDefault(process.Ppid) + 1;
            }
        }
        while (true)
        {
            var leaves = processes.Values.Where(p => p.Exited && children.GetValueOrDefault(p.Pid) == 0).ToList();
            if (leaves.Count <= PodLimits.MaxExitedLeafProcesses)
            {
                return;
            }
            leaves.Sort((a, b) => b.Order.CompareTo(a.Order));
            foreach (var leaf in leaves.Skip(PodLimits.MaxExitedLeafProcesses))
            {
                processes.Remove(leaf.Pid);
                if (leaf.Ppid != leaf.Pid && children.TryGetValue(leaf.Ppid, out var count))
                {
                    children[leaf.Ppid] = count - 1;
                }
            }
        }
    }
}
