namespace Vigil.Grpc.Protocol;

/// <summary>Turns one HTTP header into metadata entries: <c>-bin</c> values may be comma-joined and unpadded.</summary>
internal static class HeaderMetadata
{
    /// <summary>False when the header cannot be metadata (a bad key, a non-printable value, broken base64).</summary>
    public static bool TryAdd(Metadata metadata, string name, string value)
    {
        try
        {
            if (name.EndsWith(MetadataEntry.BinarySuffix, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var part in value.Split(','))
                {
                    metadata.Add(name, Base64.DecodeLenient(part.Trim()));
                }
            }
            else
            {
                metadata.Add(new MetadataEntry(name, value));
            }

            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or RpcException)
        {
            return false;
        }
    }
}
