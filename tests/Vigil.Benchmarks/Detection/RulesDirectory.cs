namespace Vigil.Benchmarks.Detection;

/// <summary>The repository's grains/rules, found above the working directory or the binary (bench.sh runs from the root).</summary>
public static class RulesDirectory
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
                {
                    return Path.Combine(dir.FullName, "grains", "rules");
                }
            }
        }
        throw new InvalidOperationException($"No Orleans.sln above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}.");
    }
}
