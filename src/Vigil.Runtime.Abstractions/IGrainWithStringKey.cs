namespace Vigil.Runtime;

/// <summary>A grain identified by a string key, such as <c>cluster/namespace/pod</c>.</summary>
public interface IGrainWithStringKey : IGrain
{
}
