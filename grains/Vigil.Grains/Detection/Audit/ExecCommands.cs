using System.Text.Json;

namespace Vigil.Grains.Detection.Audit;

/// <summary>
/// An exec's command. The API server logs it only in the request URI (<c>?command=cat&amp;command=%2Fetc%2Fshadow</c>);
/// GKE and some exporters log it as the request object's <c>command</c> list.
/// </summary>
internal static class ExecCommands
{
    public static IReadOnlyList<string>? FromBody(JsonElement body)
    {
        var command = new List<string>();
        Json.AddStrings(body, "command", command);
        return command.Count > 0 ? command : null;
    }

    public static IReadOnlyList<string>? FromUri(string? uri)
    {
        var query = uri is null ? -1 : uri.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }
        var command = new List<string>();
        foreach (var pair in uri![(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("command=", StringComparison.Ordinal))
            {
                command.Add(Uri.UnescapeDataString(pair["command=".Length..].Replace('+', ' ')));
            }
        }
        return command.Count > 0 ? command : null;
    }
}
