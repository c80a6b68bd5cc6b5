using System.Text.Json;
using Vigil.Contracts.Events.V1;
using Vigil.Ingestion.Json;

namespace Vigil.Ingestion.Runtime;

/// <summary>
/// Tetragon's JSON export (one GetEventsResponse per line): process_exec, process_exit and the file and network
/// process_kprobe hooks become <see cref="RuntimeEvent"/>s; other event types are skipped by name.
/// </summary>
public sealed class TetragonParser
{
    private readonly string _cluster;
    private readonly Action<RuntimeEvent> _sink;

    private TetragonParser(string cluster, Action<RuntimeEvent> sink)
    {
        _cluster = cluster;
        _sink = sink;
    }

    /// <summary>Cluster name for the events; Tetragon's own <c>cluster_name</c> is used when <paramref name="cluster"/> is empty.</summary>
    public static ParseReport Parse(ReadOnlySpan<byte> utf8, string cluster, Action<RuntimeEvent> sink)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(sink);
        var report = new ParseReport();
        JsonRecordReader.Read(utf8, report, new TetragonParser(cluster, sink).Record);
        return report;
    }

    private void Record(JsonElement root, int line, ParseReport report)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRecordException($"expected a Tetragon event object, not {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        RuntimeEvent? runtime = null;
        string? skipReason = null;
        if (JsonFields.TryObject(root, "process_exec"u8, out var exec))
        {
            runtime = Base(root, exec);
            runtime.Exec = new ProcessExec();
        }
        else if (JsonFields.TryObject(root, "process_exit"u8, out var exit))
        {
            runtime = Base(root, exit);
            runtime.Exit = new ProcessExit { Status = (int)JsonFields.Int64(exit, "status"u8), Signal = Signals.FromName(JsonFields.String(exit, "signal"u8)) };
        }
        else if (JsonFields.TryObject(root, "process_kprobe"u8, out var kprobe))
        {
            runtime = Base(root, kprobe);
            if (!TetragonKprobeMapper.TryMap(kprobe, runtime, out var reason))
            {
                runtime = null;
                skipReason = reason;
            }
        }
        else
        {
            // process_tracepoint, process_uprobe, process_lsm, process_loader, ...: real events we do not model yet.
            var type = root.EnumerateObject().FirstOrDefault(p => p.Name.StartsWith("process_", StringComparison.Ordinal)).Name
                ?? throw new InvalidRecordException("not a Tetragon event: no process_exec, process_exit, process_kprobe or other process_* member");
            skipReason = $"Tetragon event type '{type}' has no runtime mapping";
        }

        if (runtime is null)
        {
            report.AddSkipped(line, skipReason!);
            return;
        }

        _sink(runtime);
        report.AddParsed();
    }

    private RuntimeEvent Base(JsonElement root, JsonElement body)
    {
        if (!JsonFields.TryObject(body, "process"u8, out var p))
        {
            throw new InvalidRecordException("the event has no process");
        }

        var context = new EventContext
        {
            Node = JsonFields.String(root, "node_name"u8),
            Cluster = _cluster.Length > 0 ? _cluster : JsonFields.String(root, "cluster_name"u8),
            TimeUnixNano = JsonFields.Time(root, "time"u8),
        };
        TetragonProcessMapper.MapPod(p, context);
        var runtime = new RuntimeEvent { Context = context, Process = TetragonProcessMapper.Map(p) };
        if (JsonFields.TryObject(body, "parent"u8, out var parent))
        {
            var mapped = TetragonProcessMapper.Map(parent);
            runtime.Process.Ppid = mapped.Pid;
            runtime.Ancestors.Add(mapped);
        }

        // ancestors[] (Tetragon 1.2+, opt-in) lists the generations above the parent, nearest first.
        if (JsonFields.TryArray(body, "ancestors"u8, out var ancestors))
        {
            foreach (var ancestor in ancestors.EnumerateArray())
            {
                var mapped = TetragonProcessMapper.Map(ancestor);
                if (runtime.Ancestors.Count > 0 && runtime.Ancestors[^1].Ppid == 0)
                {
                    runtime.Ancestors[^1].Ppid = mapped.Pid;
                }

                runtime.Ancestors.Add(mapped);
            }
        }

        return runtime;
    }
}
