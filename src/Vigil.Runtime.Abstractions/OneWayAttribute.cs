namespace Vigil.Runtime;

/// <summary>The caller does not wait: the call returns at once, and a failure is only logged.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OneWayAttribute : Attribute
{
}
