using System.Text.Json;

namespace Vigil.Grains.Detection.Audit;

/// <summary>A RoleBinding's or ClusterRoleBinding's roleRef and subjects.</summary>
public sealed class BindingFacts
{
    public string? Role { get; init; }

    public string? RoleKind { get; init; }

    /// <summary>Subject names; a service account as <c>namespace:name</c>, since its name alone is ambiguous.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }

    public static BindingFacts Read(JsonElement binding)
    {
        var roleRef = Json.Child(binding, "roleRef");
        var subjects = new List<string>();
        foreach (var subject in Json.Items(binding, "subjects"))
        {
            if (Json.String(subject, "name") is not { } name)
            {
                continue;
            }
            subjects.Add(Json.String(subject, "kind") == "ServiceAccount" && Json.String(subject, "namespace") is { } ns ? ns + ":" + name : name);
        }
        return new BindingFacts { Role = Json.String(roleRef, "name"), RoleKind = Json.String(roleRef, "kind"), Subjects = subjects };
    }
}
