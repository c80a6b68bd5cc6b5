namespace Vigil.Ingestion.Tests.Support;

/// <summary>
/// The real captured logs in ../shared/fixtures, read in place from beside the checkout (never copied into the
/// repository). A test that needs them reports itself skipped where that folder is absent.
/// </summary>
internal static class SharedFixtures
{
    private static readonly Lazy<string?> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
            {
                var fixtures = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures"));
                return Directory.Exists(fixtures) ? fixtures : null;
            }
        }

        return null;
    });

    /// <summary>The absolute path of a fixture folder or file; skips the calling test when it is not there.</summary>
    public static string Require(string relative)
    {
        var root = RootPath.Value;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !(File.Exists(path) || Directory.Exists(path)))
        {
            Assert.Skip($"../shared/fixtures/{relative} is not present beside this checkout");
        }

        return path;
    }

    public static int NonBlankLines(byte[] content) =>
        System.Text.Encoding.UTF8.GetString(content).Split('\n').Count(l => l.Trim().Length > 0);
}
