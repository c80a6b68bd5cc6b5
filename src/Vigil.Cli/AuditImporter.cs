using System.Net.Http.Headers;
using System.Text.Json;
using Spectre.Console;

namespace Vigil.Cli;

/// <summary>
/// Posts audit files to <c>/api/v1/clusters/{cluster}/audit</c>. Every chunk of every file is first sent as a dry run,
/// which the server parses and counts without dispatching; only when all pass is anything imported, so a rejected
/// file never leaves half an import behind.
/// </summary>
public sealed class AuditImporter(HttpClient http, TextWriter output, TextWriter error, bool interactive)
{
    private const int MaxFailuresShown = 10;

    public async Task<int> RunAsync(IReadOnlyList<(string Display, byte[] Content)> files, string cluster, string? format, int chunkBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var plans = files.Select(f => (f.Display, Chunks: AuditChunker.Split(f.Content, chunkBytes))).ToList();
        var rejected = false;
        foreach (var (display, chunks) in plans)
        {
            foreach (var chunk in chunks)
            {
                var (ok, body) = await PostAsync(cluster, format, chunk, dryRun: true, cancellationToken);
                if (!ok)
                {
                    Reject(display, chunk, body);
                    rejected = true;
                    break;
                }
            }
        }
        if (rejected)
        {
            error.WriteLine("vigil: nothing was imported; fix the files named above or leave them out.");
            return ExitCodes.Failed;
        }

        var all = new AuditImportTotals();
        var total = plans.Sum(p => p.Chunks.Sum(c => (long)c.Body.Length));
        var failed = await SendAllAsync(plans, cluster, format, total, all, cancellationToken);
        if (failed is not null)
        {
            return ExitCodes.Failed;
        }
        output.WriteLine($"total: {all}");
        return ExitCodes.Ok;
    }

    private async Task<string?> SendAllAsync(
        List<(string Display, IReadOnlyList<AuditChunk> Chunks)> plans, string cluster, string? format, long total, AuditImportTotals all, CancellationToken cancellationToken)
    {
        async Task<string?> Send(Action<long> advanced)
        {
            foreach (var (display, chunks) in plans)
            {
                var file = new AuditImportTotals();
                for (var i = 0; i < chunks.Count; i++)
                {
                    var (ok, body) = await PostAsync(cluster, format, chunks[i], dryRun: false, cancellationToken);
                    if (!ok)
                    {
                        // Passed the dry run, so something changed on the server meanwhile (a restart, a revoked token).
                        Reject(display, chunks[i], body);
                        error.WriteLine($"vigil: {display}: chunks 1-{i} of {chunks.Count} were imported before this; the rest was not.");
                        return display;
                    }
                    Count(body, file);
                    advanced(chunks[i].Body.Length);
                }
                all.Add(file);
                output.WriteLine($"{display}: {file}");
                foreach (var reason in file.SkipReasons.Take(3))
                {
                    output.WriteLine($"  skipped {reason}");
                }
            }
            return null;
        }

        if (!interactive)
        {
            return await Send(_ => { });
        }
        string? failed = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask($"importing into {cluster}", maxValue: Math.Max(total, 1));
            failed = await Send(bytes => task.Increment(bytes));
        });
        return failed;
    }

    private async Task<(bool Ok, JsonElement Body)> PostAsync(string cluster, string? format, AuditChunk chunk, bool dryRun, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (format is not null)
        {
            query.Add($"format={Uri.EscapeDataString(format)}");
        }
        if (dryRun)
        {
            query.Add("dryRun=true");
        }
        var path = $"api/v1/clusters/{Uri.EscapeDataString(cluster)}/audit{(query.Count > 0 ? "?" + string.Join("&", query) : "")}";
        using var content = new ReadOnlyMemoryContent(chunk.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(path, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(text.Length > 0 ? text : "{}");
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            body = JsonSerializer.SerializeToElement(new { error = "http", message = $"{(int)response.StatusCode} {response.ReasonPhrase}: {text.Trim()}" });
        }
        return (response.IsSuccessStatusCode, body);
    }

    private void Reject(string display, AuditChunk chunk, JsonElement body)
    {
        var message = Text(body, "message") ?? "the server refused the file";
        var failures = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("failures", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList() : [];
        if (failures.Count == 0)
        {
            error.WriteLine($"{display}: rejected: {message}");
            return;
        }
        var count = body.TryGetProperty("failedRecords", out var n) && n.TryGetInt32(out var c) ? c : failures.Count;
        error.WriteLine($"{display}: rejected: {count} record{(count == 1 ? "" : "s")} could not be read ({Text(body, "error")})");
        foreach (var failure in failures.Take(MaxFailuresShown))
        {
            var line = failure.TryGetProperty("line", out var l) && l.TryGetInt32(out var at) ? chunk.FirstLine + at - 1 : chunk.FirstLine;
            error.WriteLine($"{display}:{line}: {Text(failure, "reason")}");
        }
    }

    private static void Count(JsonElement body, AuditImportTotals totals)
    {
        totals.Records += Number(body, "records");
        totals.Accepted += Number(body, "accepted");
        totals.Duplicates += Number(body, "duplicates");
        totals.Skipped += Number(body, "skipped");
        if (body.TryGetProperty("skippedRecords", out var skipped) && skipped.ValueKind == JsonValueKind.Array)
        {
            totals.SkipReasons.AddRange(skipped.EnumerateArray().Select(s => Text(s, "reason") ?? "").Where(r => r.Length > 0));
        }
    }

    private static int Number(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : 0;

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
