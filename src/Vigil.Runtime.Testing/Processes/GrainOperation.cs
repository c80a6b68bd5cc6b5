namespace Vigil.Runtime.Testing.Processes;

/// <summary>
/// One named call a test silo can make on request (<c>/control/call</c>, <c>/control/load</c>, <c>/control/probe</c>):
/// a grain call for <paramref name="key"/> whose number result (a sequence, a count) is reported back.
/// </summary>
public delegate Task<long> GrainOperation(IGrainFactory grains, string key);
