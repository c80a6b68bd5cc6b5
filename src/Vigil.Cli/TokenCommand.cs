using System.CommandLine;

namespace Vigil.Cli;

/// <summary><c>vigil token create|list|revoke</c>: manages a silo's bearer tokens through its admin API.</summary>
public static class TokenCommand
{
    public static Command Create() => new("token",
        "Create, list and revoke the bearer tokens a silo accepts (needs an admin token for every cluster).\n"
        + "Roles: viewer reads the API; ingest sends events (HTTP ingestion, the sensors' gRPC stream); admin does everything.\n"
        + "A token created with --cluster works only for requests about that cluster.\n"
        + "Exit codes: 0 done, 1 the silo refused or could not be reached, 2 bad usage (e.g. no token).")
    {
        TokenCreateCommand.Create(),
        TokenListCommand.Create(),
        TokenRevokeCommand.Create(),
    };
}
