using System.CommandLine;
using System.Text.Json;

namespace Vigil.Cli;

/// <summary><c>vigil token list</c>: one line per token, revoked ones included; never a secret (the silo has none).</summary>
public static class TokenListCommand
{
    public static Command Create()
    {
        var api = new SiloApiOptions();
        var command = new Command("list", "List the silo's tokens: id, role, cluster scope, name, created and revoked times.");
        api.AddTo(command);
        api.SetAction(command, async (result, client, output, error, cancellationToken) =>
        {
            var response = await client.SendAsync(HttpMethod.Get, "api/v1/tokens", null, cancellationToken);
            if (!response.Succeeded || response.Body is not { ValueKind: JsonValueKind.Array } tokens)
            {
                error.WriteLine($"vigil: {response.Problem}");
                return ExitCodes.Failed;
            }

            var rows = tokens.EnumerateArray().Select(t => new[]
            {
                Text(t, "id"), Text(t, "role"), Text(t, "cluster") ?? "*", Text(t, "createdAt"), Text(t, "revokedAt") ?? "-", Text(t, "name"),
            }).ToList();
            string[] header = ["ID", "ROLE", "CLUSTER", "CREATED", "REVOKED", "NAME"];
            var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
            foreach (var row in rows.Prepend(header))
            {
                output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(JsonElement token, string property) =>
        token.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
