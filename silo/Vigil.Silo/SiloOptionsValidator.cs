using System.Net;
using Microsoft.Extensions.Options;

namespace Vigil.Silo;

public sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        Check(nameof(SiloOptions.GrpcListen), options.GrpcListen, failures);
        Check(nameof(SiloOptions.HttpListen), options.HttpListen, failures);
        if (failures.Count == 0 && options.GrpcListen == options.HttpListen && !options.GrpcListen.EndsWith(":0", StringComparison.Ordinal))
        {
            failures.Add($"GrpcListen and HttpListen are both {options.GrpcListen}; they need different ports.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("DataDirectory must not be empty.");
        }

        if (options.Postgres is { } postgres && !IsConnectionString(postgres))
        {
            failures.Add("Postgres is not a connection string such as Host=127.0.0.1;Username=vigil;Database=vigil.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            return !string.IsNullOrEmpty(new Npgsql.NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Check(string key, string value, List<string> failures)
    {
        if (!IPEndPoint.TryParse(value, out var endpoint) || !value.Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"{key} '{value}' is not an address:port such as 127.0.0.1:8080 or [::1]:8080.");
        }
        else if (endpoint.Port is < 0 or > 65535)
        {
            failures.Add($"{key} '{value}' has a port outside 0-65535.");
        }
    }
}
