namespace Vigil.Grains.Tests;

public static class TextPosition
{
    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>th <paramref name="needle"/>.</summary>
    public static (int Line, int Column) Of(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' does not occur {occurrence} times in the text");
        }
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return (line, index - lineStart + 1);
    }
}
