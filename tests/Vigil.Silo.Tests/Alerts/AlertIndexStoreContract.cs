using Vigil.Grains.Alerts;
using Vigil.Grains.Rules;
using Vigil.Silo.AlertIndex;

namespace Vigil.Silo.Tests.Alerts;

/// <summary>What the index must do on either database: every filter, both pagings, every order, upserts that never go back.</summary>
public abstract class AlertIndexStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<AlertIndexDatabase> DatabaseAsync();

    private async Task<AlertIndexStore> FilledAsync()
    {
        var store = new AlertIndexStore(await DatabaseAsync(), TimeProvider.System);
        await store.UpsertAsync(SampleAlerts.Spread(), Ct);
        return store;
    }

    private static async Task<List<Alert>> AllAsync(AlertIndexStore store, AlertFilter filter) =>
        [.. (await store.QueryAsync(new AlertQuery { Filter = filter, Limit = AlertQuery.MaxLimit }, Ct)).Items.Select(i => i.Alert)];

    private static List<Alert> Expected(Func<Alert, bool> predicate) => [.. SampleAlerts.Spread().Select(i => i.Alert).Where(predicate)];

    public static TheoryData<string> Filters() => ["cluster", "namespace", "rule", "severity", "minSeverity", "status", "since", "combined"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_returns_exactly_the_alerts_it_names(string name)
    {
        var store = await FilledAsync();
        var since = SampleAlerts.Start.AddMinutes(150);
        var (filter, predicate) = name switch
        {
            "cluster" => (new AlertFilter { Clusters = ["dev"] }, (Func<Alert, bool>)(a => a.Cluster == "dev")),
            "namespace" => (new AlertFilter { Namespaces = ["pay", "kube-system"] }, a => a.Namespace is "pay" or "kube-system"),
            "rule" => (new AlertFilter { Rules = ["vigil.test.rule-3"] }, a => a.RuleId == "vigil.test.rule-3"),
            "severity" => (new AlertFilter { Severities = [Severity.High, Severity.Low] }, a => a.Severity is Severity.High or Severity.Low),
            "minSeverity" => (new AlertFilter { MinimumSeverity = Severity.Medium }, a => a.Severity >= Severity.Medium),
            "status" => (new AlertFilter { Statuses = [AlertStatus.Resolved] }, a => a.Status == AlertStatus.Resolved),
            "since" => (new AlertFilter { Since = since }, a => a.LastSeen >= since),
            _ => (new AlertFilter { Clusters = ["prod"], Statuses = [AlertStatus.Active], Namespaces = ["shop"] },
                a => a.Cluster == "prod" && a.Status == AlertStatus.Active && a.Namespace == "shop"),
        };

        var found = await AllAsync(store, filter);

        var expected = Expected(predicate);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < 24, "the filter must leave something out to be tested");
        Assert.Equal(expected.Select(a => a.Id).Order(), found.Select(a => a.Id).Order());
    }

    public static TheoryData<AlertSort, bool> Orders() => new()
    {
        { AlertSort.LastSeen, true }, { AlertSort.LastSeen, false }, { AlertSort.FirstSeen, true }, { AlertSort.FirstSeen, false },
        { AlertSort.Severity, true }, { AlertSort.Severity, false }, { AlertSort.Count, true }, { AlertSort.Count, false },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Cursor_pages_walk_every_alert_once_in_order(AlertSort sort, bool descending)
    {
        var store = await FilledAsync();
        var seen = new List<Alert>();
        AlertCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.QueryAsync(new AlertQuery { Sort = sort, Descending = descending, Limit = 5, After = cursor }, Ct);
            Assert.Equal(24, page.Total);
            seen.AddRange(page.Items.Select(i => i.Alert));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Func<Alert, long> key = sort switch
        {
            AlertSort.LastSeen => a => a.LastSeen.UtcTicks,
            AlertSort.FirstSeen => a => a.FirstSeen.UtcTicks,
            AlertSort.Severity => a => (long)a.Severity,
            _ => a => a.Count,
        };
        var all = SampleAlerts.Spread().Select(i => i.Alert);
        var expected = descending
            ? all.OrderByDescending(key).ThenByDescending(a => a.Id, StringComparer.Ordinal)
            : all.OrderBy(key).ThenBy(a => a.Id, StringComparer.Ordinal);
        Assert.Equal(5, pages);
        Assert.Equal(expected.Select(a => a.Id), seen.Select(a => a.Id));
    }

    [Fact]
    public async Task The_default_order_is_last_seen_newest_first_and_an_offset_skips_that_many()
    {
        var store = await FilledAsync();

        var first = await store.QueryAsync(new AlertQuery { Limit = 3 }, Ct);
        var skipped = await store.QueryAsync(new AlertQuery { Limit = 3, Offset = 3 }, Ct);

        var newest = SampleAlerts.Spread().Select(i => i.Alert).OrderByDescending(a => a.LastSeen).Select(a => a.Id).ToList();
        Assert.Equal(newest[..3], first.Items.Select(i => i.Alert.Id));
        Assert.Equal(newest[3..6], skipped.Items.Select(i => i.Alert.Id));
    }

    [Fact]
    public async Task An_older_form_never_replaces_a_newer_one_and_the_latest_wins_within_a_batch()
    {
        var store = await FilledAsync();
        var original = SampleAlerts.One(4);
        var newer = original with { Alert = original.Alert with { Count = 100, LastSeen = original.Alert.LastSeen.AddMinutes(1) } };
        var newest = newer with { Alert = newer.Alert with { Status = AlertStatus.Resolved } };

        await store.UpsertAsync([newer, newest], Ct);
        await store.UpsertAsync([original], Ct);

        var stored = await store.FindAsync(original.Alert.Id, Ct);
        Assert.Equal((100, AlertStatus.Resolved), (stored!.Alert.Count, stored.Alert.Status));
        Assert.Equal(("vigil.pod", original.GrainKey), (stored.GrainType, stored.GrainKey));
        Assert.Equal("sample 4", Assert.Single(stored.Alert.Evidence).Output);
        Assert.Null(await store.FindAsync("no-such-alert", Ct));
    }

    [Fact]
    public async Task Creating_the_schema_again_changes_nothing_and_a_burst_is_written_whole()
    {
        var database = await DatabaseAsync();
        var first = new AlertIndexStore(database, TimeProvider.System);
        await first.UpsertAsync(SampleAlerts.Spread(), Ct);
        var second = new AlertIndexStore(database, TimeProvider.System);
        await second.EnsureSchemaAsync(Ct);
        var burst = Enumerable.Range(100, 1_000).Select(SampleAlerts.One).ToList();

        await second.UpsertAsync(burst, Ct);

        Assert.Equal(1_024, (await second.QueryAsync(new AlertQuery(), Ct)).Total);
    }
}
