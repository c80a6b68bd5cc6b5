using Microsoft.Playwright;
using Vigil.TestSupport;

namespace Vigil.Dashboard.Tests;

/// <summary>
/// One test's browser tab on the dashboard: signs in as a user would, keeps screenshots under
/// <c>artifacts/screenshots</c> in the repository, and collects console errors and refused requests, which a test
/// asserts are none.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];

    private DashboardPage(IBrowserContext context, IPage page, DemoSilo silo)
    {
        _context = context;
        Page = page;
        Silo = silo;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Record($"response {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // A stream cut when the page navigates is expected; anything else failing is not.
            if (!request.Url.Contains("/stream", StringComparison.Ordinal))
            {
                Record($"request failed: {request.Method} {request.Url} {request.Failure}");
            }
        };
    }

    public IPage Page { get; }

    public DemoSilo Silo { get; }

    public static string ScreenshotDirectory => Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    /// <summary>What went wrong in the page (console errors, uncaught exceptions, failed requests, 4xx and 5xx answers).</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static async Task<DashboardPage> OpenAsync(DashboardBrowser browser, DemoSilo silo)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = silo.BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page, silo);
    }

    /// <summary>A new tab, signed in with <paramref name="token"/>, on the alert list.</summary>
    public static async Task<DashboardPage> SignedInAsync(DashboardBrowser browser, DemoSilo silo, string token)
    {
        var tab = await OpenAsync(browser, silo);
        await tab.SignInAsync(token);
        return tab;
    }

    /// <summary>
    /// Opens an alert from the list filtered to its rule, by its title and its pod or account: unfiltered, a round's
    /// alerts leave the first page a few rounds later.
    /// </summary>
    public async Task OpenAlertAsync(string title, string subject)
    {
        await Page.GotoAsync($"/#/alerts?rule={Uri.EscapeDataString(await Silo.RuleIdAsync(title))}");
        await AlertRow(title, subject).GetByTestId("alert-title").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("alert-heading")).ToContainTextAsync(title);
    }

    public async Task SignInAsync(string token)
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Token").FillAsync(token);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("session")).ToBeVisibleAsync();
    }

    public ILocator AlertRow(string title, string subject) =>
        Page.Locator($"[data-testid=alert-row][data-title=\"{title}\"][data-subject=\"{subject}\"]");

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private void Record(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
