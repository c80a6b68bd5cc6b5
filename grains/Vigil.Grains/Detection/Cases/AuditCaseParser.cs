using Vigil.Contracts.Events.V1;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Detection.Cases;

/// <summary>
/// An audit case: <c>audit: {verb, user, groups, resource, subresource, namespace, name, useragent, sourceips,
/// code, stage}</c>. Unset, the stage is ResponseComplete and the code 200, as most recorded events are.
/// </summary>
internal static class AuditCaseParser
{
    private static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "verb", "user", "groups", "resource", "subresource", "namespace", "name", "useragent", "sourceips", "code", "stage",
    };

    public static AuditEvent Parse(string path, YamlNode node, YamlNode? cluster)
    {
        var keys = CaseYaml.Keys(path, CaseYaml.Mapping(path, node), Keys);
        string Text(string key) => keys.TryGetValue(key, out var n) ? CaseYaml.Scalar(path, n) : "";
        var value = new AuditEvent
        {
            Cluster = cluster is null ? "test-cluster" : CaseYaml.Scalar(path, cluster),
            AuditId = "00000000-0000-0000-0000-00000000a0d1",
            Stage = keys.ContainsKey("stage") ? Text("stage") : "ResponseComplete",
            Level = "Metadata",
            Verb = Text("verb"),
            User = new UserInfo { Username = Text("user") },
            UserAgent = Text("useragent"),
            ObjectRef = new ObjectReference
            {
                Resource = Text("resource"),
                Subresource = Text("subresource"),
                Namespace = Text("namespace"),
                Name = Text("name"),
            },
            ResponseCode = keys.TryGetValue("code", out var code) ? (int)CaseYaml.Integer(path, code) : 200,
        };
        if (keys.TryGetValue("groups", out var groups))
        {
            value.User.Groups.AddRange(CaseYaml.Words(path, groups));
        }
        value.SourceIps.AddRange(keys.TryGetValue("sourceips", out var ips) ? CaseYaml.Words(path, ips) : ["10.244.1.10"]);
        return value;
    }
}
