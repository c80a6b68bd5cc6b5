namespace Vigil.Grains.Rules;

/// <summary>The read stage: rule files from disk, in a stable order so load order (and match order) is repeatable.</summary>
internal static class RuleFileReader
{
    public static List<RuleSourceFile> ReadPaths(IEnumerable<string> paths, DiagnosticBag diagnostics)
    {
        var files = new List<RuleSourceFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(ReadDirectory(path, diagnostics));
            }
            else if (!File.Exists(path))
            {
                diagnostics.Error(DiagnosticCodes.UnreadableFile, new SourceLocation(path, 1, 1), "no such rule file or directory");
            }
            else if (IsRuleFile(path))
            {
                ReadFile(path, files, diagnostics);
            }
        }
        return files;
    }

    public static List<RuleSourceFile> ReadDirectory(string directory, DiagnosticBag diagnostics)
    {
        var files = new List<RuleSourceFile>();
        IEnumerable<string> paths;
        try
        {
            paths = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(IsRuleFile)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, new SourceLocation(directory, 1, 1), $"cannot list rule files: {ex.Message}");
            return files;
        }
        foreach (var path in paths)
        {
            ReadFile(path, files, diagnostics);
        }
        return files;
    }

    private static void ReadFile(string path, List<RuleSourceFile> files, DiagnosticBag diagnostics)
    {
        try
        {
            files.Add(new RuleSourceFile(path, File.ReadAllText(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, new SourceLocation(path, 1, 1), $"cannot read rule file: {ex.Message}");
        }
    }

    public static bool IsRuleFile(string path) =>
        (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
        && !path.EndsWith(".tests.yaml", StringComparison.Ordinal);
}
