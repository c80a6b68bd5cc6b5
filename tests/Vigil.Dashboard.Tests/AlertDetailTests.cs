using Microsoft.Playwright;
using Vigil.Scenarios;

namespace Vigil.Dashboard.Tests;

public sealed class AlertDetailTests(DashboardBrowser browser, DemoSilo silo)
{
    [Fact]
    public async Task A_web_shell_alert_shows_its_process_ancestry_as_a_tree_and_its_mitre_mapping()
    {
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);

        await tab.OpenAlertAsync(AttackScenarios.WebShellTitle, DemoExpectations.Pod("webshell", 1));

        var ancestry = tab.Page.GetByTestId("ancestry").First;
        // Oldest first, each process nested in its parent, the acting shell at the bottom.
        var chain = await ancestry.Locator("[data-testid=process] > .proc .bin").AllTextContentsAsync();
        Assert.Equal(["/usr/bin/containerd-shim-runc-v2", "/usr/bin/supervisord", "/usr/sbin/php-fpm8.2", "/usr/sbin/php-fpm8.2", "/bin/sh"], chain);
        await Assertions.Expect(ancestry.Locator(".proc.acting .bin")).ToHaveTextAsync("/bin/sh");
        var depth = await ancestry.Locator(".proc.acting").EvaluateAsync<int>("e => { let d = 0; for (let n = e; n; n = n.parentElement) if (n.tagName === 'UL') d++; return d; }");
        Assert.Equal(chain.Count, depth);
        await Assertions.Expect(tab.Page.GetByTestId("mitre")).ToContainTextAsync("Persistence (TA0003)");
        await Assertions.Expect(tab.Page.GetByTestId("mitre")).ToContainTextAsync("T1505.003");
        await Assertions.Expect(tab.Page.GetByTestId("evidence")).ToContainTextAsync("started under a web server");
        await tab.ScreenshotAsync("alert-detail");
        Assert.Empty(tab.Problems);
    }

    [Fact]
    public async Task From_an_alert_its_pod_page_and_its_service_account_page_open()
    {
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);

        var pod = DemoExpectations.Pod("recon", 1);
        await tab.OpenAlertAsync(AttackScenarios.ScannerTitle, pod);
        await tab.Page.GetByTestId("entity-pod").ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("pod-heading")).ToHaveTextAsync($"Pod {pod}");
        await Assertions.Expect(tab.Page.GetByTestId("container-row")).ToContainTextAsync("/usr/bin/nmap");
        await Assertions.Expect(tab.Page.GetByTestId("pod-processes").Locator(".bin", new() { HasTextString = "/usr/bin/nmap" })).ToHaveCountAsync(1);
        await Assertions.Expect(tab.Page.GetByTestId("entity-alert").Filter(new() { HasTextString = AttackScenarios.ScannerTitle })).ToHaveCountAsync(1);
        await tab.ScreenshotAsync("pod");

        var account = DemoExpectations.ServiceAccount("recon", 1);
        await tab.Page.GotoAsync("/#/alerts");
        await tab.OpenAlertAsync(AttackScenarios.ServiceAccountTitle, account);
        await tab.Page.GetByTestId("entity-sa").ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("sa-heading")).ToHaveTextAsync($"Service account {account}");
        await Assertions.Expect(tab.Page.GetByTestId("sa-request").First).ToContainTextAsync("selfsubjectrulesreviews");
        await Assertions.Expect(tab.Page.GetByTestId("sa-timeline").Locator(".tick.alert").First).ToBeVisibleAsync();
        await tab.ScreenshotAsync("service-account");
        Assert.Empty(tab.Problems);
    }
}
