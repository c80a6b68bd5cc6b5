using Vigil.ClusterSilo;
using Vigil.Runtime.Testing.Processes;

return await TestSiloProgram.RunAsync(args, runtime => runtime.AddGrain<ILedgerGrain, LedgerGrain>(), LedgerOperations.All);
