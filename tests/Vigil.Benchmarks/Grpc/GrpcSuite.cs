using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Benchmarks.Messages;
using Microsoft.AspNetCore.Builder;
using Vigil.Grpc.Client;
using Vigil.Grpc.Server;
using Vigil.TestSupport;

namespace Vigil.Benchmarks.Grpc;

/// <summary>
/// Streaming and unary throughput of the binding, beside a raw Kestrel read-and-parse loop and grpc-js, all
/// on this machine in one run. Client and server share the machine's cores, as they would on a node.
/// </summary>
public sealed class GrpcSuite : IBenchmarkSuite
{
    private const int UnaryConcurrency = 64;

    public string Name => "grpc";

    public string Description => "gRPC binding throughput vs a raw Kestrel loop and grpc-js";

    public async Task RunAsync(BenchmarkReport report, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        await using var host = await LoopbackGrpcHost.StartAsync(
            services => services.AddGrpcService<BenchService>(),
            map: app => app.MapPost(RawIngestEndpoint.Path, RawIngestEndpoint.HandleAsync));
        using var channel = new GrpcChannel(host.Address);
        using var raw = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false });
        var batch = BenchBatches.Create();
        var warmUp = TimeSpan.FromSeconds(1);

        await StreamThroughBindingAsync(channel, batch, warmUp);
        await StreamRawAsync(raw, host.Address, batch, serializeEachTime: false, warmUp);
        var ours = new List<double>();
        var rawRates = new List<double>();
        var rawSerializingRates = new List<double>();
        var rawToOurs = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Interleaved so that drift in the machine's state hits both sides alike.
            ours.Add(await StreamThroughBindingAsync(channel, batch, settings.Duration));
            rawRates.Add(await StreamRawAsync(raw, host.Address, batch, serializeEachTime: false, settings.Duration));
            rawSerializingRates.Add(await StreamRawAsync(raw, host.Address, batch, serializeEachTime: true, settings.Duration));
            rawToOurs.Add(await StreamRawToBindingServerAsync(raw, host.Address, batch, settings.Duration));
        }

        report.Add("vigil_stream_events_per_s", Median(ours), "events/s", "Vigil client -> Vigil server: client stream of 100-event batches");
        report.Add("raw_kestrel_stream_events_per_s", Median(rawSerializingRates), "events/s", "raw loop: HttpClient writes each batch serialized and framed by hand -> Kestrel body reader + protobuf parse");
        report.Add("raw_kestrel_preframed_stream_events_per_s", Median(rawRates), "events/s", "raw loop fed the same pre-framed bytes every time: no serialization at all (ceiling)");
        report.Add("raw_client_to_vigil_server_stream_events_per_s", Median(rawToOurs), "events/s", "the raw serializing client -> Vigil's server binding: the server side's own cost");
        report.Add("vigil_to_raw_stream_ratio", Median(ours) / Median(rawSerializingRates), "ratio", "Vigil binding / raw Kestrel loop doing the same serialization (target >= 0.70)");
        report.Add("vigil_to_preframed_ceiling_ratio", Median(ours) / Median(rawRates), "ratio", "Vigil binding / pre-framed ceiling: the gap is mostly client-side protobuf serialization");

        await UnaryThroughBindingAsync(channel, warmUp);
        var unary = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            unary.Add(await UnaryThroughBindingAsync(channel, settings.Duration));
        }

        report.Add("vigil_unary_calls_per_s", Median(unary), "calls/s", $"Vigil client -> Vigil server, {UnaryConcurrency} calls in flight on one channel");

        var seconds = (settings.Duration.TotalSeconds * settings.Rounds).ToString(CultureInfo.InvariantCulture);
        var (nodeServer, nodePort) = await NodePeer.StartServerAsync("bench.js", "server");
        await using (nodeServer)
        {
            var js = await RunNodeClientAsync($"127.0.0.1:{nodePort}", seconds);
            report.Add("grpcjs_stream_events_per_s", js.GetProperty("streamEventsPerSecond").GetDouble(), "events/s", "grpc-js client -> grpc-js server: client stream of 100-event batches");
            report.Add("grpcjs_unary_calls_per_s", js.GetProperty("unaryCallsPerSecond").GetDouble(), "calls/s", $"grpc-js client -> grpc-js server, {UnaryConcurrency} calls in flight");
        }

        var jsToOurs = await RunNodeClientAsync(host.Address.Authority, seconds);
        report.Add("grpcjs_to_vigil_stream_events_per_s", jsToOurs.GetProperty("streamEventsPerSecond").GetDouble(), "events/s", "grpc-js client -> Vigil server: client stream of 100-event batches");
        report.Add("grpcjs_to_vigil_unary_calls_per_s", jsToOurs.GetProperty("unaryCallsPerSecond").GetDouble(), "calls/s", $"grpc-js client -> Vigil server, {UnaryConcurrency} calls in flight");
    }

    private static async Task<double> StreamThroughBindingAsync(GrpcChannel channel, BenchBatch batch, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        using var call = channel.ClientStreaming(BenchApi.Ingest);
        while (clock.Elapsed < duration)
        {
            await call.RequestStream.WriteAsync(batch);
        }

        await call.RequestStream.CompleteAsync();
        var ack = await call.ResponseAsync;
        return ack.Count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> StreamRawAsync(HttpMessageInvoker client, Uri address, BenchBatch batch, bool serializeEachTime, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, RawIngestEndpoint.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new RawStreamContent(batch, serializeEachTime, duration),
        };
        using var response = await client.SendAsync(request, CancellationToken.None);
        var events = long.Parse(await response.Content.ReadAsStringAsync(), CultureInfo.InvariantCulture);
        return events / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> StreamRawToBindingServerAsync(HttpMessageInvoker client, Uri address, BenchBatch batch, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, BenchApi.Ingest.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new RawStreamContent(batch, true, duration),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await client.SendAsync(request, CancellationToken.None);
        var framedAck = await response.Content.ReadAsByteArrayAsync();
        var ack = BenchAck.Parser.ParseFrom(framedAck.AsSpan(5));
        return ack.Count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> UnaryThroughBindingAsync(GrpcChannel channel, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, UnaryConcurrency).Select(async _ =>
        {
            long calls = 0;
            var ping = new Ping { Value = 1 };
            while (clock.Elapsed < duration)
            {
                await channel.UnaryAsync(BenchApi.Echo, ping);
                calls++;
            }

            return calls;
        });
        var total = (await Task.WhenAll(loops)).Sum();
        return total / clock.Elapsed.TotalSeconds;
    }

    private static async Task<JsonElement> RunNodeClientAsync(string address, string seconds)
    {
        await using var client = ChildProcess.Start(
            "node",
            ["bench.js", "client", address, "--seconds", seconds, "--concurrency", UnaryConcurrency.ToString(CultureInfo.InvariantCulture)],
            RepositoryPaths.NodePeers);
        var exitCode = await client.WaitForExitAsync(TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"bench.js client exited with {exitCode}:\n{client.Output}");
        }

        return JsonDocument.Parse(client.Output.Split('\n').Last(l => l.StartsWith('{'))).RootElement.Clone();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
