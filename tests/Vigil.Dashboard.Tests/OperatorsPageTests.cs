using Microsoft.Playwright;

namespace Vigil.Dashboard.Tests;

public sealed class OperatorsPageTests(DashboardBrowser browser, DemoSilo silo)
{
    [Fact]
    public async Task The_operators_page_shows_the_silo_its_shards_activations_and_events()
    {
        await silo.WaitForRoundAsync(1);
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Operators" }).ClickAsync();

        var row = tab.Page.GetByTestId("silo-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("this silo");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1024");
        var activations = int.Parse(await row.Locator("td").Nth(4).TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(activations > 0, $"activations: {activations}");
        var accepted = long.Parse(await row.Locator("td").Nth(7).TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var firstRound = Vigil.Scenarios.AttackScenarios.Names
            .Select(n => Vigil.Scenarios.AttackScenarios.Build(n, DemoExpectations.Cluster, DateTimeOffset.UnixEpoch, "demo1"))
            .Sum(t => t.Runtime.Count + t.Audit.Count);
        Assert.True(accepted >= firstRound, $"events accepted: {accepted}, one round is {firstRound}");
        await Assertions.Expect(tab.Page.GetByTestId("shard-bars")).ToContainTextAsync("local");
        await tab.ScreenshotAsync("operators");
        Assert.Empty(tab.Problems);
    }
}
