namespace Vigil.TestSupport;

/// <summary>Paths in the checkout, found from the test binaries' location so tests run from any directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Orleans.sln above {AppContext.BaseDirectory}: tests must run from a checkout.");
    });

    public static string Root => RootPath.Value;

    public static string NodePeers => Path.Combine(Root, "tests", "node");
}
