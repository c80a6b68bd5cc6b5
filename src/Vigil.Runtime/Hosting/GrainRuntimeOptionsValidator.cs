using Microsoft.Extensions.Options;

namespace Vigil.Runtime.Hosting;

public sealed class GrainRuntimeOptionsValidator : IValidateOptions<GrainRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainRuntimeOptions options)
    {
        var failures = new List<string>();
        if (options.CallTimeout <= TimeSpan.Zero)
        {
            failures.Add($"CallTimeout must be positive (was {options.CallTimeout}).");
        }

        if (options.CollectionAge <= TimeSpan.Zero || options.CollectionQuantum <= TimeSpan.Zero)
        {
            failures.Add("CollectionAge and CollectionQuantum must be positive.");
        }

        if (options.DeactivationTimeout <= TimeSpan.Zero)
        {
            failures.Add("DeactivationTimeout must be positive.");
        }

        if (options.CommitBatchSize is < 1 or > 100_000)
        {
            failures.Add($"CommitBatchSize must be between 1 and 100000 (was {options.CommitBatchSize}).");
        }

        if (options.CommitConcurrency is < 1 or > 16)
        {
            failures.Add($"CommitConcurrency must be between 1 and 16 (was {options.CommitConcurrency}).");
        }

        if (options.CommitDelay < TimeSpan.Zero)
        {
            failures.Add("CommitDelay must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
