using Microsoft.Extensions.Options;

namespace Vigil.Silo.Ingestion.Http;

public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    // Array.MaxLength: the body is held in one array.
    private const long Ceiling = 0x7FFFFFC7;

    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodyBytes is < 1 or > Ceiling)
        {
            failures.Add($"Ingestion:MaxBodyBytes must be between 1 and {Ceiling}, not {options.MaxBodyBytes}.");
        }
        if (options.MaxDecompressedBytes is < 1 or > Ceiling)
        {
            failures.Add($"Ingestion:MaxDecompressedBytes must be between 1 and {Ceiling}, not {options.MaxDecompressedBytes}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
