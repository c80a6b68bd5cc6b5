namespace Vigil.Grpc.Protocol;

/// <summary>Base64 for <c>-bin</c> metadata, where senders may leave the padding off.</summary>
internal static class Base64
{
    public static byte[] DecodeLenient(string text)
    {
        var padding = (4 - (text.Length % 4)) % 4;
        var padded = padding == 0 ? text : text + new string('=', padding);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Invalid base64 in binary metadata."), new Metadata(), ex);
        }
    }
}
