namespace Vigil.Cli.Tests;

public static class TextPosition
{
    /// <summary>"line:column" (1-based) of the first <paramref name="needle"/>, as the command prints positions.</summary>
    public static string Of(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' is not in the text");
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return $"{line}:{index - lineStart + 1}";
    }
}
