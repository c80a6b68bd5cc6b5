namespace Vigil.Runtime.Tests.Processes;

/// <summary>
/// The silo-process tests run alone, one after another: each starts several processes on a 2-core machine, and
/// their fail-over deadlines should measure the runtime, not contention with the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloProcessCollection
{
    public const string Name = "silo processes";
}
