using System.Net;
using System.Text;
using System.Text.Json;

namespace Vigil.Cli.Tests;

/// <summary>
/// Stands in for the silo's audit endpoint: counts the lines of each body as records, refuses a body holding
/// <see cref="Poison"/> the way the silo does (400, the failing line relative to the body), and keeps every request.
/// </summary>
public sealed class AuditImportFakeSilo : HttpMessageHandler
{
    public const string Poison = "\"poison\"";

    public List<(Uri Uri, string? Authorization, string Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        var lines = body.Split('\n');
        var bad = Array.FindIndex(lines, l => l.Contains(Poison, StringComparison.Ordinal));
        object answer = bad >= 0
            ? new { error = "invalid-records", message = "1 of n records could not be read", failures = new[] { new { line = bad + 1, reason = "not an audit record" } }, failedRecords = 1 }
            : new { records = lines.Count(l => l.Trim().Length > 0), accepted = lines.Count(l => l.Trim().Length > 0), duplicates = 0, skipped = 0, skippedRecords = Array.Empty<object>() };
        return new HttpResponseMessage(bad >= 0 ? HttpStatusCode.BadRequest : HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(answer), Encoding.UTF8, "application/json"),
        };
    }
}
