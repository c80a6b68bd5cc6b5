using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Vigil.Contracts.V1;
using Vigil.Grpc;

namespace Vigil.Sensor.Client.Tests;

/// <summary>
/// A sensor call made of bytes chosen by the test (so it can send what no well-behaved client would: garbage, an
/// oversized length, messages out of order), sent whole, with the status and replies the silo answered.
/// </summary>
public sealed class RawSensorCall
{
    private readonly MemoryStream _body = new();
    private string? _token;

    /// <summary>Presents <paramref name="token"/> as <c>authorization: Bearer …</c>; without it the call has no token.</summary>
    public RawSensorCall Bearer(string? token)
    {
        _token = token;
        return this;
    }

    public RawSensorCall Message(IMessage message) => Frame(message.ToByteArray());

    public RawSensorCall Frame(byte[] payload, uint? declaredLength = null)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], declaredLength ?? (uint)payload.Length);
        _body.Write(header);
        _body.Write(payload);
        return this;
    }

    public async Task<(StatusCode Status, string Detail, IReadOnlyList<IngestReply> Replies)> SendAsync(Uri address, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/vigil.v1.SensorIngest/Stream"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(_body.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var replies = new List<IngestReply>();
        for (var offset = 0; offset + 5 <= bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset + 1, 4));
            replies.Add(IngestReply.Parser.ParseFrom(bytes, offset + 5, length));
            offset += 5 + length;
        }

        var status = Header(response, "grpc-status") ?? "2";
        var detail = Uri.UnescapeDataString(Header(response, "grpc-message") ?? "");
        return ((StatusCode)int.Parse(status, CultureInfo.InvariantCulture), detail, replies);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
        : response.Headers.TryGetValues(name, out var header) ? header.First()
        : null;
}
