using Vigil.Contracts.Events.V1;
using Vigil.Grains.Detection;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities.Detectors;

/// <summary>
/// Download → chmod → exec: a file written by a download tool, or by a process of the container that connected
/// outside the cluster, then given execute permission (a chmod call, or a chmod command), then run, all within
/// <see cref="DetectorOptions.DownloadChainWindow"/> of the download. One finding per chain, with the three events
/// as evidence. T1105 Ingress Tool Transfer (Command and Control): running a written file is already binary drift
/// (T1059); what this chain adds is that the file came in from outside and was readied to run. Not Defender's
/// "Suspicious Download Then Run Activity", which the rule <c>vigil.runtime.download-and-run</c> raises for one
/// command line that does it all: this one follows the steps across processes and batches.
/// </summary>
public sealed class DownloadChmodExecDetector(DetectorOptions options) : IRuntimeDetector
{
    public const string RuleId = "vigil.runtime.download-chmod-exec";

    public static RuleMetadata Metadata { get; } = new(
        RuleId,
        "Suspicious download and execution chain detected",
        "A file downloaded into the container was made executable and run shortly after.",
        Severity.High,
        "TA0011",
        "T1105",
        RuleSource.Runtime,
        ["container", "process", "network", "mitre_command_and_control", "mitre_execution"],
        true,
        new SourceLocation(nameof(DownloadChmodExecDetector), 0, 0));

    public RuleMetadata Rule => Metadata;

    public bool ExpectedInBuilds => true;

    public void Observe(DetectorInput input, List<DetectorFinding> findings)
    {
        var value = input.Event;
        if (input.Container is not { } container || value.Process is not { } process || (value.Errno != 0 && value.KindCase != RuntimeEvent.KindOneofCase.Exec))
        {
            return;
        }
        var state = container.Detectors;
        switch (value.KindCase)
        {
            case RuntimeEvent.KindOneofCase.Connect:
                var address = EventValues.Address(value.Connect.DestinationAddress);
                if (NetworkScope.IsExternal(address))
                {
                    state.Networked.Add(ProcessKeys.Of(process), $"{address}:{value.Connect.DestinationPort}", input.Now,
                        options.DownloadChainWindow, PodLimits.MaxNetworkedProcessesPerContainer);
                }
                break;
            case RuntimeEvent.KindOneofCase.File when value.File.Operation == FileOperation.Chmod:
                if (ChmodCommand.GrantsExecute(value.File.Mode))
                {
                    MarkExecutable(state, value.File.Path, value, input.Now, $"mode {Convert.ToString(value.File.Mode, 8)}", input.State.Evidence);
                }
                break;
            case RuntimeEvent.KindOneofCase.File when PodBehaviour.Writes(value.File):
                RecordDownload(state, value, input.Now, input.State);
                break;
            case RuntimeEvent.KindOneofCase.Exec:
                Executed(state, value, input.Now, findings);
                if (value.Errno == 0)
                {
                    foreach (var target in ChmodCommand.ExecutableTargets(process.Binary, process.Args, process.Cwd))
                    {
                        MarkExecutable(state, target, value, input.Now, string.Join(' ', process.Args), input.State.Evidence);
                    }
                }
                break;
            default:
                break;
        }
    }

    private void RecordDownload(ContainerDetectorState state, RuntimeEvent value, DateTimeOffset now, PodState pod)
    {
        var process = value.Process;
        var path = value.File.Path;
        string how;
        if (state.Networked.Find(ProcessKeys.Of(process), now, options.DownloadChainWindow) is { } connection)
        {
            how = $"after it connected to {connection.Note}";
        }
        else if (ProcessNames.IsDownloadTool(process.Binary))
        {
            how = "a download tool";
        }
        else
        {
            return;
        }
        // Create, then writes: the first event of a download is its evidence, until a chmod closes that step.
        if (path.Length == 0 || (state.Downloads.TryGetValue(path, out var known) && known.Chmod is null && Fresh(known, now)))
        {
            return;
        }
        Expire(state, now);
        BoundedMap.MakeRoom(state.Downloads, path, PodLimits.MaxDownloadsPerContainer, d => d.Time);
        var output = $"{path} written by {EventValues.CommandLine(ProcessNames.BaseName(process.Binary), process)} (pid {process.Pid}), {how}";
        // Pending for minutes, so what it keeps comes from the pod's shared instances, not the parsed event's copies.
        path = pod.Strings.Of(path);
        state.Downloads[path] = new DownloadRecord(path, now, pod.Evidence.From(value, output), null);
    }

    private void MarkExecutable(ContainerDetectorState state, string path, RuntimeEvent value, DateTimeOffset now, string how, EvidenceReuse evidence)
    {
        // The first chmod is the step; a later one (the sensor's chmod call after the chmod command) adds nothing.
        if (state.Downloads.TryGetValue(path, out var download) && download.Chmod is null && Fresh(download, now))
        {
            var output = $"{path} made executable ({how}) by pid {value.Process.Pid}";
            state.Downloads[path] = download with { Chmod = evidence.From(value, output) };
        }
    }

    private void Executed(ContainerDetectorState state, RuntimeEvent value, DateTimeOffset now, List<DetectorFinding> findings)
    {
        var path = state.Downloads.ContainsKey(value.Process.Binary) ? value.Process.Binary : value.Exec.Filename;
        if (path.Length == 0 || !state.Downloads.TryGetValue(path, out var download) || download.Chmod is not { } chmod || !Fresh(download, now))
        {
            return;
        }
        state.Downloads.Remove(path);
        var output = $"{path} was downloaded, made executable and run (pid {value.Process.Pid}{(value.Errno != 0 ? $", errno {value.Errno}" : "")}) "
            + $"within {(now - download.Time).TotalSeconds:0} s in container {value.Context?.ContainerName} of "
            + $"{value.Context?.PodNamespace}/{value.Context?.PodName}";
        findings.Add(new DetectorFinding(Metadata, output, [download.Download, chmod]));
    }

    private bool Fresh(DownloadRecord download, DateTimeOffset now) => now - download.Time < options.DownloadChainWindow;

    private void Expire(ContainerDetectorState state, DateTimeOffset now)
    {
        foreach (var stale in state.Downloads.Values.Where(d => !Fresh(d, now)).Select(d => d.Path).ToList())
        {
            state.Downloads.Remove(stale);
        }
    }
}
