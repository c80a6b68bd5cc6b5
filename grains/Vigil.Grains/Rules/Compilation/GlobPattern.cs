namespace Vigil.Grains.Rules;

/// <summary>
/// <c>*</c> matches any run of characters (slashes included) and <c>?</c> exactly one; everything else is literal.
/// Matching keeps one backtrack point (the last star), so it never recurses and never allocates.
/// </summary>
internal sealed class GlobPattern(string pattern)
{
    public string Pattern { get; } = pattern;

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var p = Pattern.AsSpan();
        int t = 0, i = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (i < p.Length && (p[i] == '?' || (p[i] != '*' && p[i] == text[t])))
            {
                i++;
                t++;
            }
            else if (i < p.Length && p[i] == '*')
            {
                star = i++;
                resume = t;
            }
            else if (star >= 0)
            {
                i = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (i < p.Length && p[i] == '*')
        {
            i++;
        }
        return i == p.Length;
    }
}
