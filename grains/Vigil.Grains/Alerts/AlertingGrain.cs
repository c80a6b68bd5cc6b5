using Vigil.Grains.Entities;
using Vigil.Runtime;

namespace Vigil.Grains.Alerts;

/// <summary>
/// What every grain that raises alerts does the same way: query them, change their status, and commit a turn's
/// alerts in order — state first, then the feed, then (when the active counts moved) the one-way counts report
/// upward, which each kind of grain sends to its own parent.
/// </summary>
public abstract class AlertingGrain<TState>(AlertOptions options, AlertFeed feed) : Grain<TState>
    where TState : IAlertingState, new()
{
    protected AlertOptions AlertOptions => options;

    public Task<IReadOnlyList<Alert>> GetAlertsAsync(AlertStatus? status) => Task.FromResult(NewLedger().Query(status));

    public async Task<Alert?> SetAlertStatusAsync(string alertId, AlertStatus status)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        var ledger = NewLedger();
        var alert = ledger.SetStatus(alertId, status);
        if (ledger.Changed.Count > 0)
        {
            await CommitAsync(ledger, countsChanged: true);
        }
        return alert;
    }

    /// <summary>
    /// The feed is told after the commit, so a crash in between loses the announcement, not the alert: every
    /// activation announces the alerts it holds again, marked republished, so an index catches up.
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Alerts.Count > 0)
        {
            feed.Publish(GrainId, [.. State.Alerts], republished: true);
        }
        return Task.CompletedTask;
    }

    protected AlertLedger NewLedger() => new(State.Alerts, options, TimeProvider);

    /// <summary>
    /// One batch as one turn: ignored (false) when <paramref name="origin"/> says it was applied already; otherwise
    /// judged by <paramref name="judge"/> (true when it opened an alert) and committed with its sequence.
    /// </summary>
    protected async Task<bool> ApplyBatchAsync<TEvent>(
        BatchOrigin? origin, IReadOnlyList<TEvent> events, Func<AlertLedger, ValueTask<bool>> judge)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(judge);
        if (events.Count == 0)
        {
            return true;
        }
        if (!new AppliedBatches(State.AppliedBatches, AppliedBatches.DefaultCapacity).TryApply(origin, State.NextOrder++))
        {
            return false;
        }
        var ledger = NewLedger();
        var opened = await judge(ledger);
        // Let go of the batch before waiting on the commit: it is judged and recorded, and holding it until the
        // commit is durable kept every batch in flight alive through garbage collections.
        events = null!;
        judge = null!;
        await CommitAsync(ledger, opened);
        return true;
    }

    /// <summary>Commits the turn, then tells subscribers and, when the active counts moved, the parent.</summary>
    protected async Task CommitAsync(AlertLedger ledger, bool countsChanged)
    {
        if (countsChanged)
        {
            State.ReportSequence++;
        }
        await WriteStateAsync();
        feed.Publish(GrainId, ledger.Changed);
        if (countsChanged)
        {
            await ReportCountsAsync(AlertCounts.OfActive(State.Alerts));
        }
    }

    /// <summary>Sends the active counts, with <see cref="IAlertingState.ReportSequence"/>, one way to the parent.</summary>
    protected abstract Task ReportCountsAsync(AlertCounts counts);
}
