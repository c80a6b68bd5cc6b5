using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Scenarios;

namespace Vigil.Dashboard.Tests;

public sealed class AlertListTests(DashboardBrowser browser, DemoSilo silo)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Signed_in_the_list_shows_every_expected_alert_of_the_demo_within_10_s()
    {
        // The newest round played, or the first if none has been yet (its alerts then arrive live).
        var round = Math.Max(1, silo.RoundsPlayed);
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);
        var clock = Stopwatch.StartNew();

        var expected = DemoExpectations.Round(round);
        Assert.Equal(14, expected.Count);
        foreach (var (title, subject) in expected)
        {
            // One 10 s budget for the whole round, not 10 s per alert.
            var left = Within - clock.Elapsed;
            await Assertions.Expect(tab.AlertRow(title, subject)).ToHaveCountAsync(1, new() { Timeout = (float)Math.Max(left.TotalMilliseconds, 1) });
        }
        var webShell = tab.AlertRow(AttackScenarios.WebShellTitle, DemoExpectations.Pod("webshell", round));
        await Assertions.Expect(webShell.Locator(".sev")).ToHaveAttributeAsync("data-severity", "high");
        await Assertions.Expect(webShell.Locator(".sev")).ToHaveCSSAsync("background-color", "rgb(207, 34, 46)");
        await tab.ScreenshotAsync("alert-list");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task An_open_list_receives_the_next_round_live_without_a_reload()
    {
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);
        await Assertions.Expect(tab.Page.GetByTestId("live")).ToHaveTextAsync("live");
        // A reload would wipe this; it must survive until the new round's alerts are on screen.
        await tab.Page.EvaluateAsync("() => { window.__vigilNoReload = true; }");
        var round = await NextRoundAsync(tab);

        foreach (var (title, subject) in DemoExpectations.Round(round))
        {
            await Assertions.Expect(tab.AlertRow(title, subject)).ToHaveCountAsync(1, new() { Timeout = (int)(DemoSilo.RoundInterval * 2).TotalMilliseconds });
        }
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => window.__vigilNoReload === true"));
        await Assertions.Expect(tab.AlertRow(AttackScenarios.WebShellTitle, DemoExpectations.Pod("webshell", round))).ToHaveClassAsync("fresh");
        await tab.ScreenshotAsync("alert-list-live");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task A_severity_filter_narrows_the_list()
    {
        await silo.WaitForRoundAsync(1);
        var round = silo.RoundsPlayed;
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);
        var metadata = tab.AlertRow(AttackScenarios.MetadataTitle, DemoExpectations.Pod("lateral", round));
        await Assertions.Expect(metadata).ToHaveCountAsync(1);

        await tab.Page.GetByLabel("Severity at least").SelectOptionAsync("high");

        await Assertions.Expect(tab.Page).ToHaveURLAsync(new Regex("minSeverity=high"));
        await Assertions.Expect(metadata).ToHaveCountAsync(0);
        await Assertions.Expect(tab.AlertRow(AttackScenarios.WebShellTitle, DemoExpectations.Pod("webshell", round))).ToHaveCountAsync(1);
        var severities = await tab.Page.Locator("[data-testid=alert-row] .sev").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.severity)");
        Assert.NotEmpty(severities);
        Assert.All(severities, s => Assert.Equal("high", s));
        await tab.ScreenshotAsync("alert-list-high");
        Assert.Empty(tab.Problems);
    }

    /// <summary>
    /// The round after the newest one on screen once the first page has loaded: none of its alerts can have come
    /// but through the stream (a round half played at load counts as on screen, and the test waits for the next).
    /// </summary>
    private static async Task<int> NextRoundAsync(DashboardPage tab)
    {
        await Assertions.Expect(tab.Page.GetByTestId("alert-total")).ToHaveTextAsync(new Regex("shown of"));
        var newest = await tab.Page.Locator("[data-testid=alert-row]").EvaluateAllAsync<int>(
            "rows => Math.max(0, ...rows.map(r => Number((/-demo(\\d+)$/.exec(r.dataset.subject) ?? [0, 0])[1])))");
        return newest + 1;
    }
}
