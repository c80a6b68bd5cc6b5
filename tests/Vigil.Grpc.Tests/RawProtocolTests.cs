using System.Net;
using System.Net.Http.Headers;
using Vigil.Grpc.Tests.Support;

namespace Vigil.Grpc.Tests;

/// <summary>What the server puts on the wire for requests no gRPC client library would send.</summary>
public sealed class RawProtocolTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await TestGrpcServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_unknown_method_is_answered_trailers_only_with_unimplemented()
    {
        using var response = await PostAsync("/no.such.Service/Method", "application/grpc", [0, 0, 0, 0, 0]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("12", Header(response, "grpc-status"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_non_grpc_content_type_is_answered_415()
    {
        using var response = await PostAsync("/vigil.interop.v1.Interop/Unary", "application/json", "{}"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_unsupported_message_encoding_is_unimplemented_and_names_the_supported_ones()
    {
        using var response = await PostAsync("/vigil.interop.v1.Interop/Unary", "application/grpc", [0, 0, 0, 0, 0], ("grpc-encoding", "snappy"));

        Assert.Equal("12", Header(response, "grpc-status"));
        Assert.Contains("gzip", Header(response, "grpc-accept-encoding"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_message_is_an_internal_error()
    {
        using var response = await PostAsync("/vigil.interop.v1.Interop/Unary", "application/grpc", [0, 0, 0, 0, 9, 1, 2]);

        Assert.Equal("13", Header(response, "grpc-status"));
    }

    [Theory]
    [InlineData("2000H")]
    [InlineData("99999999S")]
    [InlineData("99999999H")]
    public async Task Deadlines_too_far_off_for_a_timer_are_treated_as_none(string timeout)
    {
        using var response = await PostAsync("/vigil.interop.v1.Interop/Unary", "application/grpc", [0, 0, 0, 0, 0], ("grpc-timeout", timeout));
        await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
    }

    [Fact]
    public async Task A_successful_call_ends_with_grpc_status_0_in_trailers()
    {
        using var response = await PostAsync("/vigil.interop.v1.Interop/Unary", "application/grpc+proto", [0, 0, 0, 0, 0]);
        await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string contentType, byte[] body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _http.SendAsync(request, Ct);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} header.");
}
