using System.CommandLine;
using System.Text.Json;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil token create --role ROLE [--cluster C] [--name N]</c>. The token alone goes to standard output, so
/// <c>TOKEN=$(vigil token create ...)</c> works; what it is goes to standard error.
/// </summary>
public static class TokenCreateCommand
{
    public static Command Create()
    {
        var api = new SiloApiOptions();
        var role = new Option<string>("--role")
        {
            Description = "viewer (reads the API), ingest (sends events) or admin (everything).",
            Required = true,
        };
        role.AcceptOnlyFromAmong("viewer", "ingest", "admin");
        var cluster = new Option<string?>("--cluster") { Description = "Scope the token to this one cluster (default: every cluster)." };
        var name = new Option<string?>("--name") { Description = "What the token is for, shown by 'vigil token list' (default: ROLE or ROLE@CLUSTER)." };
        var command = new Command("create", "Create a token and print it. It is shown only this once: the silo keeps only its hash.")
        {
            role,
            cluster,
            name,
        };
        api.AddTo(command);
        api.SetAction(command, async (result, client, output, error, cancellationToken) =>
        {
            var roleValue = result.GetValue(role)!;
            var clusterValue = result.GetValue(cluster);
            var nameValue = result.GetValue(name) ?? (clusterValue is null ? roleValue : $"{roleValue}@{clusterValue}");
            var response = await client.SendAsync(HttpMethod.Post, "api/v1/tokens",
                new { name = nameValue, role = roleValue, cluster = clusterValue }, cancellationToken);
            if (!response.Succeeded || response.Body is not { } body || !body.TryGetProperty("token", out var token))
            {
                error.WriteLine($"vigil: {response.Problem}");
                return ExitCodes.Failed;
            }

            output.WriteLine(token.GetString());
            error.WriteLine($"Created token {Text(body, "id")} ({Text(body, "role")}, {(clusterValue is null ? "every cluster" : "cluster " + clusterValue)}, "
                + $"name '{Text(body, "name")}'). It is not shown again; 'vigil token revoke {Text(body, "id")}' revokes it.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? Text(JsonElement body, string property) =>
        body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
