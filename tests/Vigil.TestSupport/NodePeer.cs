using System.Text.Json;

namespace Vigil.TestSupport;

/// <summary>The grpc-js peers in tests/node: an independent gRPC implementation to check the wire against.</summary>
public static class NodePeer
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Fails with the fix when the npm packages are missing, instead of a confusing node error.</summary>
    public static void EnsureInstalled()
    {
        var grpcJs = Path.Combine(RepositoryPaths.NodePeers, "node_modules", "@grpc", "grpc-js");
        if (!Directory.Exists(grpcJs))
        {
            throw new InvalidOperationException(
                $"@grpc/grpc-js is not installed in {RepositoryPaths.NodePeers}: run `npm ci` there (./test.sh does).");
        }
    }

    /// <summary>Runs one case of interop-client.js against <paramref name="address"/> (host:port) and returns its JSON observation.</summary>
    public static async Task<JsonElement> RunClientCaseAsync(string address, string caseName, CancellationToken cancellationToken)
    {
        EnsureInstalled();
        await using var client = ChildProcess.Start("node", ["interop-client.js", address, caseName], RepositoryPaths.NodePeers);
        var exitCode = await client.WaitForExitAsync(ClientTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"interop-client.js {caseName} exited with {exitCode}:\n{client.Output}");
        }

        var json = client.Output.Split('\n').Last(line => line.StartsWith('{'));
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>Starts a node script that prints <c>LISTENING port</c>, and returns it with the port.</summary>
    public static async Task<(ChildProcess Process, int Port)> StartServerAsync(string script, params string[] arguments)
    {
        EnsureInstalled();
        var process = ChildProcess.Start("node", [script, .. arguments], RepositoryPaths.NodePeers);
        try
        {
            var line = await process.WaitForLineAsync(l => l.StartsWith("LISTENING ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            return (process, int.Parse(line["LISTENING ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
