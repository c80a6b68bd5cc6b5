using Google.Protobuf;
using Vigil.Contracts.Events.V1;
using YamlDotNet.RepresentationModel;

namespace Vigil.Grains.Detection.Cases;

/// <summary>
/// An audit case: <c>audit: {verb, user, groups, impuser, resource, subresource, namespace, name, uri, useragent,
/// sourceips, code, stage, decision, request}</c>. Unset, the stage is ResponseComplete and the code 200, as most
/// recorded events are; <c>request</c> is the logged request object, written in YAML and sent as JSON, which
/// raises the level to Request as the API server's would be.
/// </summary>
internal static class AuditCaseParser
{
    private static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal)
    {
        "verb", "user", "groups", "impuser", "resource", "subresource", "namespace", "name", "uri", "useragent", "sourceips",
        "code", "stage", "decision", "request",
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
            RequestUri = Text("uri"),
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
        if (keys.ContainsKey("impuser"))
        {
            value.ImpersonatedUser = new UserInfo { Username = Text("impuser") };
        }
        if (keys.ContainsKey("decision"))
        {
            value.Annotations[AuditEventFields.DecisionAnnotation] = Text("decision");
        }
        if (keys.TryGetValue("request", out var request))
        {
            value.RequestObjectJson = ByteString.CopyFrom(YamlJson.ToUtf8(path, CaseYaml.Mapping(path, request)));
            value.Level = "Request";
        }
        value.SourceIps.AddRange(keys.TryGetValue("sourceips", out var ips) ? CaseYaml.Words(path, ips) : ["10.244.1.10"]);
        return value;
    }
}
