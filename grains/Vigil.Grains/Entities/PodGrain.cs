using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Detection;
using Vigil.Grains.Topology;
using Vigil.Grains.Entities.Detectors;
using Vigil.Grains.Rules;

namespace Vigil.Grains.Entities;

/// <summary>
/// A pod's behaviour and alerts. Each batch is one turn: every event is judged against the state as it stood
/// before that event (so an exec is compared with the files written before it), then recorded. State, alerts
/// included, is written once per batch through the group commit; subscribers then hear of the alerts it opened or added to, and a
/// new alert reports the pod's counts to its node, one way, so calls never flow back from node to pod.
/// </summary>
public sealed class PodGrain(
    RuleSetHolder<DetectionEvent> rules, AlertOptions options, AlertFeed feed, DetectorOptions? detectorOptions = null)
    : AlertingGrain<PodState>(options, feed), IPodGrain
{
    private readonly RuntimeDetectors _detectors = new(detectorOptions ?? DetectorOptions.Default);

    // Reused across events; safe because turns never overlap.
    private readonly RuleAlerts _rules = new();
    private readonly List<DetectorFinding> _findings = [];

    public Task ObserveAsync(IReadOnlyList<RuntimeEvent> events) => ObserveCoreAsync(null, events);

    public Task<bool> ObserveBatchAsync(BatchOrigin origin, IReadOnlyList<RuntimeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return ObserveCoreAsync(origin, events);
    }

    private async Task<bool> ObserveCoreAsync(BatchOrigin? origin, IReadOnlyList<RuntimeEvent> events)
    {
        var announce = false;
        var applied = await ApplyBatchAsync(origin, events, async ledger =>
        {
            var ruleSet = rules.Current;
            var opened = false;
            var images = await AskImagesAsync(events);
            foreach (var raw in events)
            {
                var value = WithTreeAncestry(raw);
                opened |= Detect(ruleSet, ledger, value, images);
                PodBehaviour.Record(State, value, TimeProvider.GetUtcNow());
            }
            PodBehaviour.ForgetExitedLeaves(State);
            announce = AnnouncementDue();
            // Captured here, so cleared here: the commit that follows must not keep the batch alive.
            events = null!;
            return opened;
        });
        if (announce)
        {
            // One way, after the commit: the namespace's directory never calls back.
            await GrainFactory.GetGrain<INamespaceGrain>($"{State.Cluster}/{State.Namespace}")
                .NotePodAsync(new PodSighting(State.Pod, Key[(Key.LastIndexOf('/') + 1)..], State.Node, TimeProvider.GetUtcNow()));
        }
        return applied;
    }

    /// <summary>
    /// Whether to tell the namespace about this pod: when its name or node is first known or changed, and every so
    /// often after, so a lost announcement is made good. Recorded in the state the batch commits.
    /// </summary>
    private bool AnnouncementDue()
    {
        var now = TimeProvider.GetUtcNow();
        if (State.Pod.Length == 0 || (State.AnnouncedNode == State.Node && State.AnnouncedAt is { } at && now - at < PodLimits.AnnouncementInterval))
        {
            return false;
        }
        State.AnnouncedNode = State.Node;
        State.AnnouncedAt = now;
        return true;
    }

    public Task<PodProfile> GetProfileAsync() => Task.FromResult(new PodProfile(
        State.Cluster,
        State.Namespace,
        State.Pod,
        State.Node,
        [.. State.Containers.Values.Select(c => new ContainerProfile(
            c.Id, c.Name, c.Image, [.. c.Executables.Order(StringComparer.Ordinal)], c.ExecutablesTruncated, c.WrittenFiles.Count))],
        [.. State.Images],
        State.Processes.Count,
        State.Connections.Count));

    public Task<IReadOnlyList<PodProcess>> GetProcessesAsync() => Task.FromResult<IReadOnlyList<PodProcess>>(
        [.. State.Processes.Values.OrderBy(p => p.Pid).Select(p => new PodProcess(p.Pid, p.Ppid, p.Binary, p.Args, p.User, p.Exited))]);

    private bool Detect(RuleSet<DetectionEvent> ruleSet, AlertLedger ledger, RuntimeEvent value, ImageVerdicts images)
    {
        var now = TimeProvider.GetUtcNow();
        var container = PodBehaviour.ContainerOf(State, value.Context, now);
        var subject = DetectionEvent.ForRuntime(value);
        // Built only once something fires: nearly every event fires nothing.
        AlertEntity? entity = null;
        var opened = false;
        foreach (var rule in _rules.Match(ruleSet, subject))
        {
            if (!MetadataBaseline.IsNormal(rule.Metadata, container, value, images, now))
            {
                opened |= ledger.Raise(rule.Metadata, entity ??= Entity(value.Context), EvidenceFactory.From(value, rule.Output.Render(subject)));
            }
        }

        _findings.Clear();
        _detectors.Observe(new DetectorInput(State, container, value, now, images), _findings);
        foreach (var finding in _findings)
        {
            var evidence = EvidenceFactory.From(value, finding.Output);
            opened |= ledger.Raise(finding.Rule, entity ??= Entity(value.Context), evidence);
            EvidenceChain.Insert(State.Alerts, evidence, finding.Preceding, AlertOptions.MaxEvidencePerAlert);
        }
        return opened;
    }

    /// <summary>
    /// Asks each image the batch needs a baseline answer from, once, before detection (the image never calls back,
    /// so waiting on it inside this turn cannot deadlock). An image that cannot answer costs its baseline verdicts
    /// for this batch only: the rules and the other detectors must not wait on it, and nothing is suppressed.
    /// </summary>
    private async Task<ImageVerdicts> AskImagesAsync(IReadOnlyList<RuntimeEvent> events)
    {
        var reports = ImageReports.Collect(State, events, TimeProvider.GetUtcNow(), _detectors.Options);
        if (reports.Count == 0)
        {
            return ImageVerdicts.None;
        }
        var answers = new Dictionary<string, ImageVerdict>(StringComparer.Ordinal);
        foreach (var (image, report) in reports)
        {
            try
            {
                answers[image] = await GrainFactory.GetGrain<IImageGrain>(image).ObserveAsync(report);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                answers.Remove(image);
            }
        }
        return new ImageVerdicts(answers);
    }

    /// <summary>The event with the ancestry the sensor left out filled in from the pod's tree, so rules and evidence see it.</summary>
    private RuntimeEvent WithTreeAncestry(RuntimeEvent value)
    {
        var missing = PodBehaviour.MissingAncestors(State, value);
        if (missing.Count == 0)
        {
            return value;
        }
        var extended = value.Clone();
        foreach (var ancestor in missing)
        {
            var process = new Process
            {
                Pid = ancestor.Pid,
                Ppid = ancestor.Ppid,
                Binary = ancestor.Binary,
                Cwd = ancestor.Cwd,
                Uid = ancestor.Uid,
                User = ancestor.User,
                StartTimeUnixNano = ancestor.StartTimeUnixNano,
                ExecId = ancestor.ExecId,
            };
            process.Args.AddRange(ancestor.Args);
            extended.Ancestors.Add(process);
        }
        return extended;
    }

    private AlertEntity Entity(EventContext? context) => new(
        context?.Cluster ?? State.Cluster,
        context?.PodNamespace ?? State.Namespace,
        context?.PodName ?? State.Pod,
        context?.ContainerName ?? "",
        context is { Node.Length: > 0 } ? context.Node : State.Node);

    protected override Task ReportCountsAsync(AlertCounts counts)
    {
        if (State.Node.Length == 0)
        {
            return Task.CompletedTask;
        }
        var summary = new PodAlertSummary(State.Cluster, State.Node, Key, State.ReportSequence, counts);
        // One way: the pod's batch does not wait on the node, and the node never calls back.
        return GrainFactory.GetGrain<INodeGrain>(EntityKeys.Node(State.Cluster, State.Node)).ReportPodAlertsAsync(summary);
    }
}
