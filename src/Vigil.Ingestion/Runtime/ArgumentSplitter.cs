namespace Vigil.Ingestion.Runtime;

/// <summary>
/// Splits the one-string argument lists Tetragon (<c>arguments</c>) and Falco (<c>proc.args</c>) emit back into
/// argv elements. Both join with spaces; Tetragon wraps an argument holding a space in double quotes and
/// escapes quotes inside with a backslash, so that is undone. An argument that itself held quotes or several
/// spaces cannot always be recovered exactly: that is a limit of the source format.
/// </summary>
internal static class ArgumentSplitter
{
    public static void Split(string joined, ICollection<string> into)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var inToken = false;
        for (var i = 0; i < joined.Length; i++)
        {
            var c = joined[i];
            if (c == '\\' && quoted && i + 1 < joined.Length && joined[i + 1] is '"' or '\\')
            {
                current.Append(joined[++i]);
            }
            else if (c == '"' && (quoted || !inToken))
            {
                quoted = !quoted;
                inToken = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (inToken)
                {
                    into.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (inToken)
        {
            into.Add(current.ToString());
        }
    }
}
