using System.Text.Json;

namespace Vigil.Grains.Detection.Audit;

/// <summary>
/// A Role's or ClusterRole's rules, flattened as Falco flattens them (every verb, every resource), and also as
/// the grants each rule makes (<c>"get secrets"</c>, <c>"* *"</c>): flattening alone would read a role that may
/// create pods and list configmaps as one that may list pods.
/// </summary>
public sealed class RoleRuleFacts
{
    public required IReadOnlyList<string> Verbs { get; init; }

    public required IReadOnlyList<string> Resources { get; init; }

    /// <summary>"verb resource" for every pair one rule grants; non-resource URL rules grant no resource.</summary>
    public required IReadOnlyList<string> Grants { get; init; }

    public static RoleRuleFacts Read(JsonElement role)
    {
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        var grants = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Json.Items(role, "rules"))
        {
            var ruleVerbs = new List<string>();
            var ruleResources = new List<string>();
            Json.AddStrings(rule, "verbs", ruleVerbs);
            Json.AddStrings(rule, "resources", ruleResources);
            verbs.UnionWith(ruleVerbs);
            resources.UnionWith(ruleResources);
            foreach (var verb in ruleVerbs)
            {
                foreach (var resource in ruleResources)
                {
                    grants.Add(verb + " " + resource);
                }
            }
        }
        return new RoleRuleFacts { Verbs = [.. verbs], Resources = [.. resources], Grants = [.. grants] };
    }
}
