namespace Vigil.Cli.Tests;

/// <summary>A throwaway working directory holding rule files, removed when the test ends.</summary>
public sealed class RuleDirectory : IDisposable
{
    public RuleDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "vigil-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public RuleDirectory Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public CliRun Run(params string[] args) => CliRun.In(Root, args);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
