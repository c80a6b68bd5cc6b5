using System.Globalization;
using Google.Protobuf;
using Vigil.Contracts.Events.V1;

namespace Vigil.Benchmarks.Detection;

/// <summary>
/// A deterministic stream of API-server audit events shaped like an ordinary cluster's: controllers and kubelets
/// renewing leases, watches and lists, status patches, creates of events and pods with their request objects, a
/// workload reading its own secrets through client-go, a person with kubectl; and with probability
/// <see cref="MaliciousShare"/> a stolen token used with kubectl or another request an attacker would make.
/// </summary>
public sealed class AuditEventMix(string cluster, int seed)
{
    public const double MaliciousShare = 0.002;

    private const string Authenticated = "system:authenticated";

    private static readonly string[] Controllers = ["kube-controller-manager", "kube-scheduler", "cert-manager-controller", "ingress-nginx-leader"];

    private static readonly string[] WatchedResources = ["pods", "endpointslices", "services", "namespaces", "configmaps", "nodes"];

    private readonly Random _random = new(seed);
    private long _time = 1_740_787_200_000_000_000;

    public int Malicious { get; private set; }

    public AuditEvent Next()
    {
        _time += _random.Next(100_000, 2_000_000);
        if (_random.NextDouble() < MaliciousShare)
        {
            Malicious++;
            return Attack();
        }
        var node = $"node-{_random.Next(20):d3}";
        return _random.Next(100) switch
        {
            < 16 => LeaderLease(get: true),
            < 30 => LeaderLease(get: false),
            < 44 => NodeLease(node),
            < 52 => NodeStatus(node),
            < 66 => Watch(),
            < 76 => List(),
            < 82 => CreateEvent(node),
            < 85 => CreatePod(),
            < 90 => WorkloadSecret(),
            < 95 => Review(),
            _ => Person(),
        };
    }

    public AuditEvent[] Take(int count)
    {
        var events = new AuditEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = Next();
        }
        return events;
    }

    private AuditEvent LeaderLease(bool get)
    {
        var name = Controllers[_random.Next(Controllers.Length)];
        var user = name.StartsWith("kube-", StringComparison.Ordinal) ? $"system:{name}" : $"system:serviceaccount:kube-system:{name}";
        var lease = $$$"""{"kind":"Lease","apiVersion":"coordination.k8s.io/v1","metadata":{"name":"{{{name}}}","namespace":"kube-system","resourceVersion":"{{{_random.Next(1_000_000, 9_999_999)}}}"},"spec":{"holderIdentity":"{{{name}}}-7f9c_{{{Hex(8)}}}","leaseDurationSeconds":15,"acquireTime":"2025-03-01T00:00:00.000000Z","renewTime":"2025-03-01T08:14:{{{_random.Next(10, 59)}}}.123456Z","leaseTransitions":3}}""";
        return Request(
            get ? "get" : "update", user, [Authenticated], $"{name}/v1.30.2 (linux/amd64) kubernetes/39683505/leader-election",
            new ObjectReference { Resource = "leases", Namespace = "kube-system", Name = name, ApiGroup = "coordination.k8s.io", ApiVersion = "v1" },
            get ? null : lease, "10.0.0.10");
    }

    private AuditEvent NodeLease(string node) => Request(
        "update", $"system:node:{node}", ["system:nodes", Authenticated], "kubelet/v1.30.2 (linux/amd64) kubernetes/39683505",
        new ObjectReference { Resource = "leases", Namespace = "kube-node-lease", Name = node, ApiGroup = "coordination.k8s.io", ApiVersion = "v1" },
        $$$"""{"kind":"Lease","apiVersion":"coordination.k8s.io/v1","metadata":{"name":"{{{node}}}","namespace":"kube-node-lease","ownerReferences":[{"apiVersion":"v1","kind":"Node","name":"{{{node}}}","uid":"{{{Hex(16)}}}"}]},"spec":{"holderIdentity":"{{{node}}}","leaseDurationSeconds":40,"renewTime":"2025-03-01T08:14:22.123456Z"}}""",
        $"10.0.1.{_random.Next(2, 250)}");

    private AuditEvent NodeStatus(string node) => Request(
        "patch", $"system:node:{node}", ["system:nodes", Authenticated], "kubelet/v1.30.2 (linux/amd64) kubernetes/39683505",
        new ObjectReference { Resource = "nodes", Subresource = "status", Name = node, ApiVersion = "v1" },
        Fill("""{"status":{"$setElementOrder/conditions":[{"type":"MemoryPressure"},{"type":"DiskPressure"},{"type":"PIDPressure"},{"type":"Ready"}],"conditions":[{"lastHeartbeatTime":"2025-03-01T08:14:22Z","type":"MemoryPressure"},{"lastHeartbeatTime":"2025-03-01T08:14:22Z","type":"DiskPressure"},{"lastHeartbeatTime":"2025-03-01T08:14:22Z","type":"PIDPressure"},{"lastHeartbeatTime":"2025-03-01T08:14:22Z","type":"Ready"}],"allocatable":{"cpu":"3920m","memory":"@0@Ki"}}}""", _random.Next(14_000_000, 15_000_000)),
        $"10.0.1.{_random.Next(2, 250)}");

    private AuditEvent Watch()
    {
        var resource = WatchedResources[_random.Next(WatchedResources.Length)];
        var (user, agent) = _random.Next(3) switch
        {
            0 => ("system:serviceaccount:kube-system:coredns", "coredns/v1.11.1 (linux/amd64) kubernetes/ae2bbc2"),
            1 => ("system:kube-controller-manager", "kube-controller-manager/v1.30.2 (linux/amd64) kubernetes/39683505/shared-informers"),
            _ => ("system:serviceaccount:monitoring:kube-state-metrics", "kube-state-metrics/v2.12.0 (linux/amd64) kubernetes/f8b7a8c"),
        };
        return Request("watch", user, ["system:serviceaccounts", Authenticated], agent, new ObjectReference { Resource = resource, ApiVersion = "v1" }, null, "10.244.0.12");
    }

    private AuditEvent List() => Request(
        "list", "system:kube-controller-manager", [Authenticated], "kube-controller-manager/v1.30.2 (linux/amd64) kubernetes/39683505/shared-informers",
        new ObjectReference { Resource = _random.Next(2) == 0 ? "replicasets" : "pods", Namespace = $"team-{_random.Next(8)}", ApiGroup = "apps", ApiVersion = "v1" },
        null, "10.0.0.10");

    private AuditEvent CreateEvent(string node) => Request(
        "create", $"system:node:{node}", ["system:nodes", Authenticated], "kubelet/v1.30.2 (linux/amd64) kubernetes/39683505",
        new ObjectReference { Resource = "events", Namespace = "shop", ApiVersion = "v1" },
        $$$"""{"kind":"Event","apiVersion":"v1","metadata":{"name":"api-7d9f8-{{{Hex(5)}}}.17f3c0a1b2c3d4e5","namespace":"shop"},"involvedObject":{"kind":"Pod","namespace":"shop","name":"api-7d9f8-{{{Hex(5)}}}","uid":"{{{Hex(16)}}}","apiVersion":"v1","fieldPath":"spec.containers{api}"},"reason":"Pulled","message":"Container image \"registry.example/shop/api:3.8.1\" already present on machine","source":{"component":"kubelet","host":"{{{node}}}"},"firstTimestamp":"2025-03-01T08:14:22Z","lastTimestamp":"2025-03-01T08:14:22Z","count":1,"type":"Normal","reportingComponent":"kubelet","reportingInstance":"{{{node}}}"}""",
        $"10.0.1.{_random.Next(2, 250)}");

    private AuditEvent CreatePod()
    {
        var suffix = Hex(5);
        return Request(
            "create", "system:serviceaccount:kube-system:replicaset-controller", ["system:serviceaccounts", "system:serviceaccounts:kube-system", Authenticated],
            "kube-controller-manager/v1.30.2 (linux/amd64) kubernetes/39683505/system:serviceaccount:kube-system:replicaset-controller",
            new ObjectReference { Resource = "pods", Namespace = "shop", ApiVersion = "v1" },
            Fill("""{"kind":"Pod","apiVersion":"v1","metadata":{"generateName":"api-7d9f8-","namespace":"shop","labels":{"app":"api","pod-template-hash":"7d9f8"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"api-7d9f8","uid":"@0@","controller":true,"blockOwnerDeletion":true}]},"spec":{"volumes":[{"name":"kube-api-access-@1@","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},{"configMap":{"name":"kube-root-ca.crt","items":[{"key":"ca.crt","path":"ca.crt"}]}}],"defaultMode":420}}],"containers":[{"name":"api","image":"registry.example/shop/api:3.8.1","ports":[{"containerPort":8000,"protocol":"TCP"}],"env":[{"name":"DATABASE_URL","valueFrom":{"secretKeyRef":{"name":"api-db","key":"url"}}}],"resources":{"limits":{"cpu":"1","memory":"512Mi"},"requests":{"cpu":"250m","memory":"256Mi"}},"volumeMounts":[{"name":"kube-api-access-@2@","readOnly":true,"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}],"livenessProbe":{"httpGet":{"path":"/healthz","port":8000,"scheme":"HTTP"},"periodSeconds":10},"imagePullPolicy":"IfNotPresent","securityContext":{"runAsNonRoot":true,"allowPrivilegeEscalation":false}}],"restartPolicy":"Always","serviceAccountName":"api","securityContext":{"seccompProfile":{"type":"RuntimeDefault"}}}}""", Hex(16), suffix, suffix),
            "10.0.0.10");
    }

    private AuditEvent WorkloadSecret() => Request(
        "get", "system:serviceaccount:shop:api", ["system:serviceaccounts", "system:serviceaccounts:shop", Authenticated], "api/v3.8.1 (linux/amd64) kubernetes/1b2c3d4",
        new ObjectReference { Resource = "secrets", Namespace = "shop", Name = "api-db", ApiVersion = "v1" }, null, "10.244.3.17");

    private AuditEvent Review() => Request(
        "create", "system:serviceaccount:kube-system:metrics-server", ["system:serviceaccounts", Authenticated], "metrics-server/v0.7.1 (linux/amd64) kubernetes/$Format",
        new ObjectReference { Resource = _random.Next(2) == 0 ? "tokenreviews" : "subjectaccessreviews", ApiGroup = "authentication.k8s.io", ApiVersion = "v1" },
        """{"kind":"SubjectAccessReview","apiVersion":"authorization.k8s.io/v1","spec":{"nonResourceAttributes":{"path":"/metrics","verb":"get"},"user":"system:serviceaccount:monitoring:prometheus","groups":["system:serviceaccounts","system:authenticated"]}}""",
        "10.244.0.31");

    private AuditEvent Person() => Request(
        _random.Next(3) == 0 ? "list" : "get", "alice@example.com", ["platform-team", Authenticated], "kubectl/v1.30.0 (darwin/arm64) kubernetes/7c48c2b",
        new ObjectReference { Resource = _random.Next(2) == 0 ? "pods" : "deployments", Namespace = "shop", ApiVersion = "v1" }, null, "203.0.113.24");

    private AuditEvent Attack()
    {
        var stolen = "system:serviceaccount:shop:api";
        string[] groups = ["system:serviceaccounts", "system:serviceaccounts:shop", Authenticated];
        const string kubectl = "kubectl/v1.30.0 (linux/amd64) kubernetes/7c48c2b";
        return _random.Next(4) switch
        {
            0 => Request("list", stolen, groups, kubectl, new ObjectReference { Resource = "secrets", ApiVersion = "v1" }, null, "10.244.3.17", code: 403),
            1 => Request("get", stolen, groups, kubectl, new ObjectReference { Resource = "secrets", Namespace = "kube-system", Name = "bootstrap-token-abcdef", ApiVersion = "v1" }, null, "10.244.3.17", code: 403),
            2 => Request(
                "create", stolen, groups, kubectl, new ObjectReference { Resource = "pods", Subresource = "exec", Namespace = "payments", Name = "ledger-0", ApiVersion = "v1" },
                null, "10.244.3.17"),
            _ => Request(
                "create", stolen, groups, kubectl, new ObjectReference { Resource = "clusterrolebindings", Name = "debug", ApiGroup = "rbac.authorization.k8s.io", ApiVersion = "v1" },
                """{"kind":"ClusterRoleBinding","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"debug"},"subjects":[{"kind":"ServiceAccount","name":"api","namespace":"shop"}],"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"}}""",
                "10.244.3.17", code: 403),
        };
    }

    private AuditEvent Request(string verb, string user, string[] groups, string agent, ObjectReference target, string? body, string sourceIp, int code = 0)
    {
        // Audit policies commonly log both stages of a request; RequestReceived carries no response.
        var received = _random.Next(10) == 0;
        var value = new AuditEvent
        {
            Cluster = cluster,
            AuditId = Hex(16),
            Stage = received ? "RequestReceived" : "ResponseComplete",
            Level = body is null ? "Metadata" : "Request",
            Verb = verb,
            RequestUri = Uri(target, verb),
            User = new UserInfo { Username = user, Uid = Hex(16) },
            UserAgent = agent,
            ObjectRef = target,
            ResponseCode = received ? 0 : code != 0 ? code : verb == "create" ? 201 : 200,
            RequestReceivedUnixNano = _time,
            StageUnixNano = _time + (received ? 0 : _random.Next(200_000, 20_000_000)),
        };
        value.User.Groups.AddRange(groups);
        value.SourceIps.Add(sourceIp);
        if (body is not null)
        {
            value.RequestObjectJson = ByteString.CopyFromUtf8(body);
        }
        if (!received)
        {
            var allowed = value.ResponseCode != 403;
            value.Annotations.Add("authorization.k8s.io/decision", allowed ? "allow" : "forbid");
            value.Annotations.Add("authorization.k8s.io/reason", allowed ? $"RBAC: allowed by ClusterRoleBinding \"system:{target.Resource}\"" : "");
        }
        return value;
    }

    private static string Uri(ObjectReference target, string verb)
    {
        var prefix = target.ApiGroup.Length == 0 ? "/api/v1" : $"/apis/{target.ApiGroup}/{target.ApiVersion}";
        var ns = target.Namespace.Length == 0 ? "" : $"/namespaces/{target.Namespace}";
        var name = target.Name.Length == 0 ? "" : "/" + target.Name;
        var sub = target.Subresource.Length == 0 ? "" : "/" + target.Subresource;
        var query = verb == "watch" ? "?allowWatchBookmarks=true&resourceVersion=4815162342&timeout=7m31s&watch=true" : "";
        return $"{prefix}{ns}/{target.Resource}{name}{sub}{query}";
    }

    /// <summary>A JSON template's @0@, @1@, ... replaced in order: for bodies that close too many braces at once for an interpolated raw string.</summary>
    private static string Fill(string template, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            template = template.Replace($"@{i}@", Convert.ToString(values[i], CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        return template;
    }

    private string Hex(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        _random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
