namespace Vigil.Runtime;

/// <summary>
/// The stored and routed name of a grain interface. Set it once and never change it: it keys persisted state and,
/// with the key, decides the shard. Without it the interface's full name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
