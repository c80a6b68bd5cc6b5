using System.Net;
using Vigil.Silo.Tests.Alerts;

namespace Vigil.Silo.Tests.Dashboard;

/// <summary>The dashboard's files are served at <c>/</c> without a token, from this silo alone.</summary>
public sealed class DashboardServingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_and_its_scripts_load_without_a_token_and_may_only_reach_this_silo()
    {
        await using var silo = await AlertTestSilo.StartAsync();
        silo.Authorize(null);

        using var page = await silo.Http.GetAsync("", Ct);
        // Two path segments, which the gRPC route would claim if files were not served first.
        using var script = await silo.Http.GetAsync("js/main.js", Ct);
        using var view = await silo.Http.GetAsync("js/views/alert.js", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("js/main.js", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'self'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_asset_of_the_dashboard_names_another_host()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".gz", StringComparison.Ordinal)).ToList();

        Assert.Contains(files, f => f.EndsWith("index.html", StringComparison.Ordinal));
        foreach (var file in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(file, Ct);
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("//cdn", text, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var file in files.Where(f => f.EndsWith(".js", StringComparison.Ordinal)))
        {
            // Scripts import only their siblings; the one outside address is a link to MITRE's page for a technique.
            var text = await File.ReadAllTextAsync(file, Ct);
            Assert.DoesNotMatch(@"import[^;]*from\s+'(?!\.)", text);
            Assert.All(System.Text.RegularExpressions.Regex.Matches(text, @"https?://[^\s'`""]+").Select(m => m.Value),
                url => Assert.StartsWith("https://attack.mitre.org/", url, StringComparison.Ordinal));
        }
    }
}
