namespace Vigil.Grains.Rules;

/// <summary>A condition or output text and how to turn an offset in it back into a place in its file.</summary>
internal sealed record LocatedText(string Text, Func<int, SourceLocation> Locate)
{
    /// <summary>For conditions that come from code rather than a file: line 1, column = offset + 1.</summary>
    public static LocatedText Inline(string text, string origin = "<inline>") =>
        new(text, offset => new SourceLocation(origin, 1, offset + 1));
}
