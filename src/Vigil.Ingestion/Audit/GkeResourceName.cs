using Vigil.Contracts.Events.V1;

namespace Vigil.Ingestion.Audit;

/// <summary>
/// Reads GKE's <c>resourceName</c> (<c>group/version[/namespaces/ns]/resource[/name[/subresource]]</c>, with
/// <c>core</c> for the core group) and <c>methodName</c> (<c>io.k8s.[group…].version.resource[.sub].verb</c>).
/// </summary>
internal static class GkeResourceName
{
    // Groups that GKE spells without a dotted suffix; every other group's name ends in ".k8s.io".
    private static readonly HashSet<string> BareGroups = ["apps", "batch", "extensions", "policy", "autoscaling"];

    public static ObjectReference? Parse(string resourceName)
    {
        var parts = resourceName.Split('/');
        if (parts.Length < 3 || !IsVersion(parts[1]))
        {
            return null;
        }

        var reference = new ObjectReference { ApiGroup = parts[0] == "core" ? "" : parts[0], ApiVersion = parts[1] };
        var i = 2;
        if (parts[i] == "namespaces" && parts.Length >= 5)
        {
            reference.Namespace = parts[3];
            i = 4;
        }

        reference.Resource = parts[i];
        reference.Name = parts.Length > i + 1 ? parts[i + 1] : "";
        reference.Subresource = parts.Length > i + 2 ? parts[i + 2] : "";
        return reference;
    }

    /// <summary>The object reference the method name implies, for entries without a resourceName.</summary>
    public static ObjectReference? FromMethod(string methodName)
    {
        var parts = methodName.Split('.');
        var version = Array.FindIndex(parts, 2, IsVersion);
        if (version < 3 || parts.Length < version + 3)
        {
            return null;
        }

        var groupParts = parts[2..version];
        Array.Reverse(groupParts);
        var group = string.Join('.', groupParts);
        return new ObjectReference
        {
            ApiGroup = group switch
            {
                "core" => "",
                "rbac" => "rbac.authorization.k8s.io",
                _ when BareGroups.Contains(group) => group,
                _ => group + ".k8s.io",
            },
            ApiVersion = parts[version],
            Resource = parts[version + 1],
            Subresource = parts.Length > version + 3 ? parts[version + 2] : "",
        };
    }

    /// <summary>The path the API server would have served, so rules on requestURI see the same shape as native.</summary>
    public static string RequestUri(ObjectReference r)
    {
        var root = r.ApiGroup.Length == 0 ? $"/api/{r.ApiVersion}" : $"/apis/{r.ApiGroup}/{r.ApiVersion}";
        var ns = r.Namespace.Length == 0 ? "" : $"/namespaces/{r.Namespace}";
        var name = r.Name.Length == 0 ? "" : "/" + r.Name;
        var sub = r.Subresource.Length == 0 ? "" : "/" + r.Subresource;
        return root + ns + "/" + r.Resource + name + sub;
    }

    private static bool IsVersion(string s) =>
        s.Length >= 2 && s[0] == 'v' && char.IsAsciiDigit(s[1]) && s.All(char.IsAsciiLetterOrDigit);
}
