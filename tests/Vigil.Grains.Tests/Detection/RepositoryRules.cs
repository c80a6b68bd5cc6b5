using Vigil.Grains.Detection;
using Vigil.Grains.Detection.Cases;

namespace Vigil.Grains.Tests.Detection;

/// <summary>The real rule set under grains/rules and its tests files, found from the repository root and loaded once.</summary>
public static class RepositoryRules
{
    public static readonly string Directory = Path.Combine(FindRoot(), "grains", "rules");

    private static readonly Lazy<RuleLoadResult<DetectionEvent>> LoadedSet = new(() =>
        new RuleLoader<DetectionEvent>(DetectionFields.Create()).LoadDirectory(Directory));

    private static readonly Lazy<IReadOnlyList<RuleCaseFile>> LoadedCases = new(() =>
        [.. RuleCaseRunner.FindCaseFiles(Directory).Select(RuleCaseReader.ReadFile)]);

    public static RuleLoadResult<DetectionEvent> Load => LoadedSet.Value;

    public static RuleSet<DetectionEvent> Set =>
        Load.RuleSet ?? throw new InvalidOperationException("grains/rules did not load:\n" + string.Join('\n', Load.Diagnostics));

    public static IReadOnlyList<RuleCaseFile> CaseFiles => LoadedCases.Value;

    public static string Relative(string path) => Path.GetRelativePath(Directory, path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
