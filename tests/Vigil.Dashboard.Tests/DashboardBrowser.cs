using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Vigil.Dashboard.Tests.DashboardBrowser))]

namespace Vigil.Dashboard.Tests;

/// <summary>
/// Debian's Chromium under Playwright, one process for every test; each test opens its own context (no shared
/// storage). <c>VIGIL_CHROMIUM</c> names another Chromium build.
/// </summary>
public sealed class DashboardBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("VIGIL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ExecutablePath}: install Debian's (apt-get install chromium; ./test.sh does) or set VIGIL_CHROMIUM.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox: CI runs as root, where Chromium's sandbox refuses to start. No background traffic.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
