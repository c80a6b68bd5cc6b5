using System.Text;

namespace Vigil.Grpc;

/// <summary>
/// One metadata pair. Keys are lower case; keys ending in <c>-bin</c> carry bytes (base64 on the wire), all
/// others carry printable ASCII text.
/// </summary>
public sealed class MetadataEntry
{
    public const string BinarySuffix = "-bin";

    private readonly string? _text;
    private readonly byte[]? _bytes;

    public MetadataEntry(string key, string value)
    {
        Key = ValidateKey(key);
        if (IsBinary)
        {
            throw new ArgumentException($"Metadata key '{key}' ends in '{BinarySuffix}' and needs a byte value.", nameof(key));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"Metadata value for '{key}' must be printable ASCII.", nameof(value));
            }
        }

        _text = value;
    }

    public MetadataEntry(string key, byte[] value)
    {
        Key = ValidateKey(key);
        if (!IsBinary)
        {
            throw new ArgumentException($"Metadata key '{key}' needs the '{BinarySuffix}' suffix to carry bytes.", nameof(key));
        }

        _bytes = value;
    }

    public string Key { get; }

    public bool IsBinary => Key.EndsWith(BinarySuffix, StringComparison.Ordinal);

    /// <summary>The text value; for a binary entry, its base64 form.</summary>
    public string Value => _text ?? Convert.ToBase64String(_bytes!);

    /// <summary>The byte value; for a text entry, its ASCII bytes.</summary>
    public byte[] ValueBytes => _bytes ?? Encoding.ASCII.GetBytes(_text!);

    public override string ToString() => $"{Key}: {Value}";

    private static string ValidateKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' may use only 0-9, a-z, '-', '_' and '.'.", nameof(key));
            }
        }

        return lower;
    }
}
