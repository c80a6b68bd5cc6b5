using Vigil.Contracts.Events.V1;
using Vigil.Scenarios;

namespace Vigil.Grains.Tests.Identities;

/// <summary>Builds the audit events one identity causes, as the API server's webhook backend logs them.</summary>
public sealed class AuditEvents(TimeProvider clock, string username, string userAgent, string sourceIp = "10.244.1.17", string cluster = "prod")
{
    public const string ClientGo = "manager/v0.0.0 (linux/amd64) kubernetes/$Format";
    public const string Kubectl = "kubectl/v1.30.2 (linux/amd64) kubernetes/3968350";

    // Shared by every builder: audit ids are unique per API server, and a repeated id is a duplicate record.
    private static int s_next;

    public string Cluster => cluster;

    public string Username => username;

    public static AuditEvents ServiceAccount(TimeProvider clock, string ns, string name, string userAgent = ClientGo) =>
        new(clock, $"system:serviceaccount:{ns}:{name}", userAgent);

    /// <summary>The same identity through another client program or address.</summary>
    public AuditEvents Using(string otherUserAgent, string? otherSourceIp = null) =>
        new(clock, username, otherUserAgent, otherSourceIp ?? sourceIp, cluster);

    /// <summary>One request at its ResponseComplete stage (ResponseStarted for exec and attach, as they stream).</summary>
    public AuditEvent Request(string verb, string resource, string ns = "", string name = "", string subresource = "", int code = 200)
    {
        var stage = subresource is "exec" or "attach" or "portforward" ? "ResponseStarted" : "ResponseComplete";
        return At(stage, verb, resource, ns, name, subresource, code, $"audit-{Interlocked.Increment(ref s_next)}");
    }

    /// <summary>The RequestReceived and completed records of one request, sharing an audit id.</summary>
    public IReadOnlyList<AuditEvent> BothStages(string verb, string resource, string ns = "", string name = "", int code = 200)
    {
        var id = $"audit-{Interlocked.Increment(ref s_next)}";
        return [At("RequestReceived", verb, resource, ns, name, "", 0, id), At("ResponseComplete", verb, resource, ns, name, "", code, id)];
    }

    private AuditEvent At(string stage, string verb, string resource, string ns, string name, string subresource, int code, string id)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
        var value = new AuditEvent
        {
            Cluster = cluster,
            AuditId = id,
            Stage = stage,
            Level = "Metadata",
            Verb = verb,
            RequestUri = ApiPaths.Of("", resource, ns, name, subresource),
            User = new UserInfo { Username = username },
            UserAgent = userAgent,
            ObjectRef = new ObjectReference { Resource = resource, Subresource = subresource, Namespace = ns, Name = name, ApiVersion = "v1" },
            ResponseCode = code,
            RequestReceivedUnixNano = now,
            StageUnixNano = now,
        };
        value.SourceIps.Add(sourceIp);
        return value;
    }
}
