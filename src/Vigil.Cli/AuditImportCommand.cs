using System.CommandLine;
using System.Net.Http.Headers;

namespace Vigil.Cli;

/// <summary><c>vigil audit import FILE... --cluster C</c>: sends audit log files to a silo's audit endpoint.</summary>
public static class AuditImportCommand
{
    /// <summary>Well under the silo's default body limit (32 MiB), so a default silo never answers 413.</summary>
    public const int DefaultChunkBytes = 8 * 1024 * 1024;

    /// <summary>The command; requests go through <c>handler</c> when one is given (tests), else to the network.</summary>
    public static Command Create(CommandPaths paths, HttpMessageHandler? handler = null)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Audit log files: log-backend JSON lines, a webhook EventList, AKS diagnostic records, EKS CloudWatch "
                + "exports (JSON, or gzip as a subscription delivers them), GKE Cloud Logging entries.",
            Arity = ArgumentArity.OneOrMore,
        };
        var cluster = new Option<string>("--cluster") { Description = "The cluster the events belong to, as Vigil names it.", Required = true };
        var format = new Option<string?>("--format") { Description = "auto (default: each record recognised by its shape), native, aks, eks or gke." };
        format.AcceptOnlyFromAmong("auto", "native", "aks", "eks", "gke");
        var url = new Option<string>("--url")
        {
            Description = "The silo's HTTP endpoint (default: $VIGIL_URL, else http://127.0.0.1:8080).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIL_URL") is { Length: > 0 } value ? value : "http://127.0.0.1:8080",
        };
        var token = new Option<string?>("--token")
        {
            Description = "An ingest (or admin) token (default: $VIGIL_TOKEN); the first one is in the silo's DATA_DIR/credentials.json.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIL_TOKEN") is { Length: > 0 } value ? value : null,
        };
        var chunk = new Option<int>("--chunk-bytes")
        {
            Description = $"Largest request body to send (default {DefaultChunkBytes}); files are split between records to stay under it. "
                + "Keep it below the silo's Ingestion:MaxBodyBytes.",
            DefaultValueFactory = _ => DefaultChunkBytes,
        };
        var command = new Command("import",
            "Import audit log files into a silo, with a progress bar. Every file is checked by the server first (a dry run); "
            + "if any is rejected nothing is imported and the reason is printed with the file and line. Then the files are sent "
            + "in chunks, and the records, accepted, duplicate (same audit id and stage) and skipped (not audit events) counts "
            + "are printed per file and in total.\n"
            + "Exit codes: 0 imported, 1 a file was rejected or the silo could not be reached, 2 bad usage.")
        {
            files, cluster, format, url, token, chunk,
        };
        command.SetAction((result, cancellationToken) => ExecuteAsync(
            paths, handler, result.GetValue(files) ?? [], result.GetValue(cluster)!, result.GetValue(format), result.GetValue(url)!,
            result.GetValue(token), result.GetValue(chunk), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(
        CommandPaths paths, HttpMessageHandler? handler, string[] files, string cluster, string? format, string url, string? token, int chunkBytes,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            if (Directory.Exists(paths.Resolve(file)) || !File.Exists(paths.Resolve(file)))
            {
                error.WriteLine(Directory.Exists(paths.Resolve(file)) ? $"vigil: '{file}' is a directory; name the files in it" : CommandPaths.MissingMessage(file));
                return ExitCodes.Usage;
            }
        }
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            error.WriteLine($"vigil: --url '{url}' is not an http:// or https:// address");
            return ExitCodes.Usage;
        }
        if (token is null)
        {
            error.WriteLine("vigil: no token: pass --token TOKEN or set VIGIL_TOKEN (the first ingest token is in the silo's DATA_DIR/credentials.json)");
            return ExitCodes.Usage;
        }
        if (chunkBytes < 1024)
        {
            error.WriteLine("vigil: --chunk-bytes must be at least 1024");
            return ExitCodes.Usage;
        }

        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = baseUri;
        http.Timeout = TimeSpan.FromMinutes(5);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var contents = files.Select(f => (paths.Display(f), File.ReadAllBytes(paths.Resolve(f)))).ToList();
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        try
        {
            return await new AuditImporter(http, output, error, interactive)
                .RunAsync(contents, cluster, format is null or "auto" ? null : format, chunkBytes, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"vigil: cannot reach {baseUri}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
