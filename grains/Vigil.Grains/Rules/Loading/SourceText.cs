namespace Vigil.Grains.Rules;

/// <summary>A file's text with its line starts, to turn character indexes into line and column.</summary>
internal sealed class SourceText
{
    private readonly List<int> _lineStarts = [0];

    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Path { get; }

    public string Text { get; }

    public SourceLocation Locate(long index)
    {
        var clamped = (int)Math.Clamp(index, 0, Text.Length);
        var line = _lineStarts.BinarySearch(clamped);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new SourceLocation(Path, line + 1, clamped - _lineStarts[line] + 1);
    }
}
