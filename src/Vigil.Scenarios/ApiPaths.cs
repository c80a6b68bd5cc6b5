namespace Vigil.Scenarios;

/// <summary>The request URI the API server logs for a resource request (<c>/apis/group/v1/namespaces/ns/resource/name/sub</c>).</summary>
public static class ApiPaths
{
    public static string Of(string apiGroup, string resource, string ns, string name, string subresource)
    {
        var root = apiGroup.Length == 0 ? "/api/v1" : $"/apis/{apiGroup}/v1";
        var path = ns.Length > 0 ? $"{root}/namespaces/{ns}/{resource}" : $"{root}/{resource}";
        path += name.Length > 0 ? "/" + name : "";
        return subresource.Length > 0 ? $"{path}/{subresource}" : path;
    }
}
