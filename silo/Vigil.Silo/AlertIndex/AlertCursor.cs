using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Vigil.Silo.AlertIndex;

/// <summary>
/// Where a page ended: the sort it belongs to, the last row's sort value and id. Keyset paging, so a page does not
/// shift when new alerts arrive ahead of it (as an offset would). Opaque to clients: base64url text.
/// </summary>
public sealed record AlertCursor(AlertSort Sort, bool Descending, long Value, string AlertId)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{(int)Sort}|{(Descending ? 'd' : 'a')}|{Value}|{AlertId}")));

    public static bool TryDecode(string text, [NotNullWhen(true)] out AlertCursor? cursor)
    {
        cursor = null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('|', 4);
        if (parts.Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sort)
            || !Enum.IsDefined((AlertSort)sort)
            || parts[1] is not ("a" or "d")
            || !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || parts[3].Length == 0)
        {
            return false;
        }
        cursor = new AlertCursor((AlertSort)sort, parts[1] == "d", value, parts[3]);
        return true;
    }
}
