namespace Vigil.Cli;

/// <summary>
/// Resolves arguments against the directory the command runs in and shows paths relative to it, so a diagnostic
/// reads as the user typed the path and editors can jump to it.
/// </summary>
public sealed class CommandPaths(string workingDirectory)
{
    public const string DefaultRules = "grains/rules";

    public string Resolve(string path) => Path.GetFullPath(path, workingDirectory);

    public string Display(string path) => Path.GetRelativePath(workingDirectory, Resolve(path));

    public string? FirstMissing(IEnumerable<string> paths) =>
        paths.FirstOrDefault(p => !File.Exists(Resolve(p)) && !Directory.Exists(Resolve(p)));

    /// <summary>An unknown option reaches the command as a path, so it is named as what the user meant.</summary>
    public static string MissingMessage(string path) => path.StartsWith('-')
        ? $"vigil: unknown option '{path}' (see 'vigil --help')"
        : path == DefaultRules
        ? $"vigil: no such file or directory: '{path}' (the default; run from the repository root or name the rule paths)"
        : $"vigil: no such file or directory: '{path}'";
}
