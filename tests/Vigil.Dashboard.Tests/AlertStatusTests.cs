using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Scenarios;

namespace Vigil.Dashboard.Tests;

public sealed class AlertStatusTests(DashboardBrowser browser, DemoSilo silo)
{
    [Fact]
    public async Task An_admin_resolves_an_alert_and_the_change_is_kept()
    {
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.AdminToken);
        await tab.OpenAlertAsync(AttackScenarios.PreloadTitle, DemoExpectations.Pod("crypto", 1));
        await Assertions.Expect(tab.Page.GetByTestId("alert-status")).ToHaveTextAsync("Active");

        await tab.Page.GetByTestId("set-resolved").ClickAsync();

        await Assertions.Expect(tab.Page.GetByTestId("alert-status")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(tab.Page.GetByTestId("set-resolved")).ToBeDisabledAsync();
        await tab.ScreenshotAsync("alert-resolved-by-admin");
        var id = tab.Page.Url.Split('/')[^1];
        using var api = silo.Client(silo.ViewerToken);
        using var stored = JsonDocument.Parse(await api.GetStringAsync($"api/v1/alerts/{id}", TestContext.Current.CancellationToken));
        Assert.Equal("Resolved", stored.RootElement.GetProperty("status").GetString());
        await tab.Page.ReloadAsync();
        await Assertions.Expect(tab.Page.GetByTestId("alert-status")).ToHaveTextAsync("Resolved");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task A_viewer_cannot_change_an_alerts_status()
    {
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);
        await tab.OpenAlertAsync(AttackScenarios.DriftTitle, DemoExpectations.Pod("crypto", 1));
        await Assertions.Expect(tab.Page.GetByTestId("alert-status")).ToHaveTextAsync("Active");

        foreach (var action in new[] { "set-resolved", "set-dismissed", "set-active" })
        {
            await Assertions.Expect(tab.Page.GetByTestId(action)).ToBeDisabledAsync();
        }
        await Assertions.Expect(tab.Page.GetByTestId("viewer-note")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("alert-viewer");

        // The page only mirrors the rule: the viewer's token is refused by the API itself.
        var id = tab.Page.Url.Split('/')[^1];
        var status = await tab.Page.EvaluateAsync<int>(
            "async id => (await fetch(`/api/v1/clusters/demo/alerts/${id}`, { method: 'PATCH', headers: { Authorization: `Bearer ${sessionStorage.getItem('vigil.token')}`, 'Content-Type': 'application/json' }, body: '{\"status\":\"resolved\"}' })).status",
            id);
        Assert.Equal((int)HttpStatusCode.Forbidden, status);
        await tab.Page.ReloadAsync();
        await Assertions.Expect(tab.Page.GetByTestId("alert-status")).ToHaveTextAsync("Active");
    }
}
