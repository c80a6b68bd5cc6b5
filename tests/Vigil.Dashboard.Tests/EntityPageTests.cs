using Microsoft.Playwright;

namespace Vigil.Dashboard.Tests;

public sealed class EntityPageTests(DashboardBrowser browser, DemoSilo silo)
{
    [Fact]
    public async Task Clusters_lead_to_nodes_and_nodes_to_their_pods()
    {
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);
        var pod = DemoExpectations.Pod("lateral", 1);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Clusters" }).ClickAsync();
        await tab.Page.GetByTestId("cluster-row").GetByRole(AriaRole.Link, new() { Name = DemoExpectations.Cluster, Exact = true }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = Vigil.Scenarios.ScenarioPod.For(DemoExpectations.Cluster, "lateral", "demo1").Node, Exact = true }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("node-pods").GetByRole(AriaRole.Link, new() { Name = pod, Exact = true })).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("node");
        await tab.Page.GetByTestId("node-pods").GetByRole(AriaRole.Link, new() { Name = pod, Exact = true }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByTestId("pod-heading")).ToHaveTextAsync($"Pod {pod}");
        await Assertions.Expect(tab.Page.GetByTestId("container-row")).ToContainTextAsync("registry.example.com/shop/storefront:2.14.1");
        Assert.Empty(tab.Problems);
    }
}
