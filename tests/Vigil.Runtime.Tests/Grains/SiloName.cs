namespace Vigil.Runtime.Tests.Grains;

public sealed record SiloName(string Name);
