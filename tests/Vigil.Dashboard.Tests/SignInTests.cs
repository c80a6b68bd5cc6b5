using Microsoft.Playwright;

namespace Vigil.Dashboard.Tests;

public sealed class SignInTests(DashboardBrowser browser, DemoSilo silo)
{
    [Fact]
    public async Task Unknown_and_ingest_tokens_are_refused_with_the_reason()
    {
        await using var tab = await DashboardPage.OpenAsync(browser, silo);
        await tab.Page.GotoAsync("/#/alerts");
        var token = tab.Page.GetByLabel("Token");

        await token.FillAsync("vgl_not-a-real-token");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("error")).ToHaveTextAsync("The token is unknown or revoked.");

        await token.FillAsync(silo.IngestToken);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("error")).ToContainTextAsync("cannot read the dashboard");
        await Assertions.Expect(tab.Page.GetByTestId("session")).ToBeHiddenAsync();
        await tab.ScreenshotAsync("sign-in-refused");
    }

    [Fact]
    public async Task Signing_out_forgets_the_token()
    {
        await using var tab = await DashboardPage.SignedInAsync(browser, silo, silo.ViewerToken);
        await Assertions.Expect(tab.Page.GetByTestId("session")).ToContainTextAsync("viewer");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByTestId("signin")).ToBeVisibleAsync();
        Assert.Null(await tab.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('vigil.token')"));
        await tab.Page.ReloadAsync();
        await Assertions.Expect(tab.Page.GetByTestId("signin")).ToBeVisibleAsync();
    }
}
