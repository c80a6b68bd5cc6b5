using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Cli;

/// <summary>Calls a silo's API with a bearer token; every failure becomes one line that says what happened.</summary>
public sealed class SiloApiClient(Uri baseUri, string token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseUri => baseUri;

    public async Task<SiloApiResponse> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new SiloApiResponse((int)response.StatusCode, response.IsSuccessStatusCode, Parse(text));
        }
        catch (HttpRequestException ex)
        {
            return SiloApiResponse.Unreachable($"could not reach the silo at {baseUri}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SiloApiResponse.Unreachable($"the silo at {baseUri} did not answer within {_http.Timeout.TotalSeconds:0} s");
        }
    }

    public void Dispose() => _http.Dispose();

    private static JsonElement? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
