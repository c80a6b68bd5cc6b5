namespace Vigil.Grains.Tests;

public static class TestCatalogue
{
    /// <summary>Field names as the examples spell them, plus three bare flags for precedence tests.</summary>
    public static FieldCatalogue<TestEvent> Create() => new FieldCatalogue<TestEvent>()
        .AddString("evt.type", e => e.Type)
        .AddString("proc.name", e => e.ProcName)
        .AddStringList("proc.args", e => e.ProcArgs)
        .AddString("fd.name", e => e.FdName)
        .AddString("k8s.ns.name", e => e.Namespace)
        .AddString("ka.verb", e => e.Verb)
        .AddIpAddress("fd.sip", e => e.ServerIp)
        .AddInteger("fd.sport", e => e.ServerPort)
        .AddBoolean("container.privileged", e => e.Privileged)
        .AddBoolean("a", e => e.A)
        .AddBoolean("b", e => e.B)
        .AddBoolean("c", e => e.C)
        .WithAncestors(e => e.Ancestors);
}
