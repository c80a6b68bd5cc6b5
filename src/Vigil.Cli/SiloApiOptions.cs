using System.CommandLine;

namespace Vigil.Cli;

/// <summary>The --url and --token every command that talks to a silo's API takes, defaulting to VIGIL_URL and VIGIL_TOKEN.</summary>
public sealed class SiloApiOptions
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public Option<string> Url { get; } = new("--url")
    {
        Description = $"The silo's HTTP endpoint (default: $VIGIL_URL, else {DefaultUrl}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIL_URL") is { Length: > 0 } url ? url : DefaultUrl,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "A bearer token (default: $VIGIL_TOKEN). The first admin token is in the silo's DATA_DIR/credentials.json.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("VIGIL_TOKEN") is { Length: > 0 } token ? token : null,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Url);
        command.Options.Add(Token);
    }

    /// <summary>
    /// Runs <paramref name="action"/> for <paramref name="command"/> with a client for the silo the command line
    /// names, or exits with the usage code (the reason written) when the options do not make one.
    /// </summary>
    public void SetAction(Command command, Func<ParseResult, SiloApiClient, TextWriter, TextWriter, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction(async (result, cancellationToken) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            using var client = Connect(result, error);
            return client is null ? ExitCodes.Usage : await action(result, client, output, error, cancellationToken);
        });
    }

    /// <summary>A client for the silo named on the command line; null, with the reason written, when the options do not make one.</summary>
    public SiloApiClient? Connect(ParseResult result, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(error);
        var url = result.GetValue(Url) ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            error.WriteLine($"vigil: --url '{url}' is not an http:// or https:// address such as {DefaultUrl}");
            return null;
        }

        if (result.GetValue(Token) is not { Length: > 0 } token)
        {
            error.WriteLine("vigil: no token: pass --token TOKEN or set VIGIL_TOKEN (the first admin token is in the silo's DATA_DIR/credentials.json)");
            return null;
        }

        return new SiloApiClient(baseUri, token);
    }
}
