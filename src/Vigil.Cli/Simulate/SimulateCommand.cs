using System.CommandLine;
using System.Globalization;
using Vigil.Scenarios;

namespace Vigil.Cli.Simulate;

/// <summary><c>vigil simulate SCENARIO</c>: plays the seed's attack scenarios against a silo and checks their alerts fire.</summary>
public static class SimulateCommand
{
    public const int DefaultGrpcPort = 50051;
    public const string DefaultCluster = "vigil-simulate";

    public static Command Create()
    {
        var api = new SiloApiOptions();
        var scenario = new Argument<string>("SCENARIO")
        {
            Description = $"Which attack to play: {string.Join(", ", AttackScenarios.Names)}, or all.",
        };
        scenario.AcceptOnlyFromAmong([.. AttackScenarios.Names, "all"]);
        var grpc = new Option<string?>("--grpc")
        {
            Description = $"The silo's gRPC endpoint for the sensor stream, host:port or http://host:port (default: --url's host, port {DefaultGrpcPort}).",
        };
        var cluster = new Option<string>("--cluster")
        {
            Description = $"The cluster the simulated events belong to (default: {DefaultCluster}).",
            DefaultValueFactory = _ => DefaultCluster,
        };
        var ingestToken = new Option<string?>("--ingest-token")
        {
            Description = "A token to send events with, when --token is a viewer token (default: --token, which must then be an admin token).",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the silo to acknowledge the events, and again for the alerts to appear (default: 30).",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("simulate",
            "Play the seed's attack scenarios against a silo through the real ingestion path: each scenario's runtime events "
            + "(processes with full ancestry, files, network) over the sensors' gRPC stream, the audit events it causes to "
            + "POST /api/v1/clusters/{cluster}/audit as the API server's webhook would. Then wait for the expected alerts "
            + "through GET /api/v1/alerts and print expected versus fired with the latency of each (the events' sending to "
            + "the silo's first sighting). Every run uses pods and a service account of its own, so a second run raises new alerts.\n"
            + "The token needs to send events and read alerts: an admin token, or a viewer token with --ingest-token.\n"
            + "Exit codes: 0 every expected alert fired, 1 one is missing or the silo refused or could not be reached, 2 bad usage.")
        {
            scenario,
            grpc,
            cluster,
            ingestToken,
            timeout,
        };
        api.AddTo(command);
        api.SetAction(command, async (result, client, output, error, cancellationToken) =>
        {
            var seconds = result.GetValue(timeout);
            if (!(seconds > 0) || seconds > 3600)
            {
                error.WriteLine($"vigil: --timeout must be a number of seconds above 0 and at most 3600; got {seconds.ToString(CultureInfo.InvariantCulture)}");
                return ExitCodes.Usage;
            }
            if (GrpcAddress(result.GetValue(grpc), client.BaseUri) is not { } grpcUri)
            {
                error.WriteLine($"vigil: --grpc '{result.GetValue(grpc)}' is not host:port or http://host:port");
                return ExitCodes.Usage;
            }
            var name = result.GetValue(scenario)!;
            var ingest = result.GetValue(ingestToken) ?? result.GetValue(api.Token)!;
            using var ingestClient = new SiloApiClient(client.BaseUri, ingest);
            var settings = new SimulationSettings(
                name == "all" ? AttackScenarios.Names : [name],
                result.GetValue(cluster) ?? DefaultCluster,
                grpcUri,
                ingest,
                TimeSpan.FromSeconds(seconds),
                Guid.NewGuid().ToString("N")[..6]);
            return await new SimulationRun(settings, client, ingestClient, output, error).RunAsync(cancellationToken);
        });
        return command;
    }

    /// <summary>The gRPC endpoint: as given, or the API's host on the default gRPC port.</summary>
    public static Uri? GrpcAddress(string? given, Uri api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (given is null)
        {
            return new UriBuilder("http", api.Host, DefaultGrpcPort).Uri;
        }
        var text = given.Contains("://", StringComparison.Ordinal) ? given : "http://" + given;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == "http" && !uri.IsDefaultPort && uri.AbsolutePath == "/"
            ? uri
            : null;
    }
}
