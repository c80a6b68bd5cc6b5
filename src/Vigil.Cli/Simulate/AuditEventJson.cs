using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Contracts.Events.V1;

namespace Vigil.Cli.Simulate;

/// <summary>
/// Audit events as the API server's webhook backend sends them: an <c>audit.k8s.io/v1</c> EventList, so the
/// simulation goes through the same parser as a real cluster's audit webhook.
/// </summary>
public static class AuditEventJson
{
    public static JsonObject EventList(IEnumerable<AuditEvent> events) => new()
    {
        ["kind"] = "EventList",
        ["apiVersion"] = "audit.k8s.io/v1",
        ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray([.. events.Select(Event)]),
    };

    public static JsonObject Event(AuditEvent value)
    {
        var item = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "audit.k8s.io/v1",
            ["level"] = value.Level,
            ["auditID"] = value.AuditId,
            ["stage"] = value.Stage,
            ["requestURI"] = value.RequestUri,
            ["verb"] = value.Verb,
            ["user"] = new JsonObject
            {
                ["username"] = value.User.Username,
                ["uid"] = value.User.Uid,
                ["groups"] = new JsonArray([.. value.User.Groups.Select(g => (JsonNode)g)]),
            },
            ["sourceIPs"] = new JsonArray([.. value.SourceIps.Select(ip => (JsonNode)ip)]),
            ["userAgent"] = value.UserAgent,
            ["objectRef"] = ObjectRef(value.ObjectRef),
            ["requestReceivedTimestamp"] = Timestamp(value.RequestReceivedUnixNano),
            ["stageTimestamp"] = Timestamp(value.StageUnixNano),
        };
        if (value.ResponseCode != 0)
        {
            // RequestReceived records have no response yet; the API server leaves the field out.
            item["responseStatus"] = new JsonObject { ["metadata"] = new JsonObject(), ["code"] = value.ResponseCode };
        }
        if (value.Annotations.Count > 0)
        {
            item["annotations"] = new JsonObject([.. value.Annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]);
        }
        return item;
    }

    private static JsonObject ObjectRef(ObjectReference reference)
    {
        var json = new JsonObject { ["resource"] = reference.Resource };
        Add(json, "namespace", reference.Namespace);
        Add(json, "name", reference.Name);
        Add(json, "subresource", reference.Subresource);
        Add(json, "apiGroup", reference.ApiGroup);
        Add(json, "apiVersion", reference.ApiVersion);
        return json;
    }

    private static void Add(JsonObject json, string name, string value)
    {
        if (value.Length > 0)
        {
            json[name] = value;
        }
    }

    /// <summary>RFC 3339 with microseconds, as the API server writes its MicroTime.</summary>
    private static string Timestamp(long unixNano) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNano / 100).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
