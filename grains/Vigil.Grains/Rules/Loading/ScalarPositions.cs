using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Rules;

/// <summary>
/// Maps offsets in a scalar's value back to the file. YAML rewrites scalars (quotes, escapes, folded and block
/// styles, indentation), so each non-blank value character is matched, in order, to the next equal character
/// of the raw text; blanks take the position of the raw character reached so far. That is exact for plain and
/// block scalars and for quoted ones without escapes, and close for the rest.
/// </summary>
internal static class ScalarPositions
{
    public static LocatedText Map(SourceText source, YamlScalarNode node)
    {
        var value = node.Value ?? "";
        var raw = source.Text;
        var start = (int)Math.Clamp(node.Start.Index, 0, raw.Length);
        var end = (int)Math.Clamp(node.End.Index, start, raw.Length);
        var map = new int[value.Length + 1];
        var r = start;
        if (node.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted)
        {
            r++;
        }
        for (var v = 0; v < value.Length; v++)
        {
            if (!char.IsWhiteSpace(value[v]))
            {
                var found = raw.IndexOf(value[v], r, end - r);
                if (found >= 0)
                {
                    r = found;
                }
                map[v] = r;
                r = Math.Min(r + 1, end);
            }
            else
            {
                map[v] = r;
            }
        }
        map[value.Length] = r;
        return new LocatedText(value, offset => source.Locate(map[Math.Clamp(offset, 0, value.Length)]));
    }
}
