using System.CommandLine;

namespace Vigil.Cli;

/// <summary><c>vigil token revoke ID</c>: the silo refuses the token from then on (other silos within seconds).</summary>
public static class TokenRevokeCommand
{
    public static Command Create()
    {
        var api = new SiloApiOptions();
        var id = new Argument<string>("ID") { Description = "The token's id, as 'vigil token list' shows it (tok_...)." };
        var command = new Command("revoke",
            "Revoke a token. Revoking the last admin token for every cluster is refused: create another first.")
        {
            id,
        };
        api.AddTo(command);
        api.SetAction(command, async (result, client, output, error, cancellationToken) =>
        {
            var value = result.GetValue(id)!;
            var response = await client.SendAsync(HttpMethod.Delete, $"api/v1/tokens/{Uri.EscapeDataString(value)}", null, cancellationToken);
            if (!response.Succeeded)
            {
                error.WriteLine($"vigil: {response.Problem}");
                return ExitCodes.Failed;
            }

            output.WriteLine($"Revoked token {value}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
