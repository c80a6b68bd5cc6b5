using Vigil.Ingestion.Tests.Support;

namespace Vigil.Grains.Tests.Detection;

/// <summary>
/// The captured audit logs in ../shared/fixtures: ordinary traffic raises nothing above Informational, and each
/// attack-shaped Falco trace raises the rule written for it.
/// </summary>
public sealed class AuditFixtureNoiseTests
{
    private const string Traces = "audit/k8s/falco-trace-files";

    /// <summary>
    /// Ordinary work by a cluster's users and controllers. Creating, changing and deleting ordinary objects
    /// (configmaps, deployments, services, secrets, service accounts, namespaces, narrow roles and bindings) is
    /// what people do all day. Judgement calls: a NodePort service is routine on minikube-like clusters and
    /// Defender has no alert for it; credential-looking keys in a configmap are a posture finding, not an
    /// attack; a service account created in kube-system runs nothing by itself (a pod that uses it is the
    /// kube-system rule's); a role whose only write verb is delete on non-resource URLs grants nothing high;
    /// kubeadm (user admin, from loopback) creating its bootstrap-token secret is cluster set-up; the kubelet
    /// reading a pod (the file misnamed create_nginx_pod_unsensitive_mount) is the node's own traffic.
    /// </summary>
    public static TheoryData<string> Ordinary() =>
    [
        "create_cluster_role_write_privileges.json", "create_clusterrole.json", "create_clusterrolebinding.json",
        "create_configmap.json", "create_configmap_no_sensitive_values.json", "create_configmap_sensitive_values.json",
        "create_deployment.json", "create_kube_system_secret.json", "create_nginx_pod_nohostnetwork.json",
        "create_nginx_pod_unprivileged.json", "create_nginx_pod_unsensitive_mount.json", "create_nginx_service_nodeport.json",
        "create_nginx_service_nonodeport.json", "create_secret.json", "create_service.json",
        "create_service_account_token_secret.json", "create_serviceaccount.json",
        "create_serviceaccount_kube_public_namespace.json", "create_serviceaccount_kube_system_namespace.json",
        "delete_clusterrole.json", "delete_clusterrolebinding.json", "delete_configmap.json", "delete_deployment.json",
        "delete_namespace_foo.json", "delete_secret.json", "delete_service.json", "delete_serviceaccount.json",
        "minikube_creates_namespace_foo.json", "some-user_creates_namespace_foo.json",
    ];

    public static TheoryData<string, string> AttackShaped() => new()
    {
        { "anonymous_creates_namespace_foo.json", "vigil.audit.anonymous-access" },
        { "attach_cluster_admin_role.json", "vigil.audit.cluster-admin-binding" },
        { "attach_pod.json", "vigil.audit.pod-exec" },
        { "exec_pod.json", "vigil.audit.pod-exec" },
        { "create_cluster_role_pod_exec.json", "vigil.audit.high-privileges-role" },
        { "create_cluster_role_wildcard_resources.json", "vigil.audit.high-privileges-role" },
        { "create_cluster_role_wildcard_verbs.json", "vigil.audit.high-privileges-role" },
        { "create_nginx_pod_hostnetwork.json", "vigil.audit.host-namespaces" },
        { "create_nginx_pod_privileged.json", "vigil.audit.privileged-container" },
        { "create_nginx_pod_privileged_2nd_container.json", "vigil.audit.privileged-container" },
        { "create_nginx_pod_no_secctx_1st_container_privileged_2nd_container.json", "vigil.audit.privileged-container" },
        { "create_nginx_pod_sensitive_mount.json", "vigil.audit.sensitive-mount" },
        { "create_nginx_pod_sensitive_mount_2nd_container.json", "vigil.audit.sensitive-mount" },
        { "create_pod_kube_system_namespace.json", "vigil.audit.kube-system-container" },
        { "create_pod_kube_public_namespace.json", "vigil.audit.kube-system-container" },
        { "delete_cluster_role_kube_aggregator.json", "vigil.audit.system-role-modified" },
        { "modify_cluster_role_node_problem_detector.json", "vigil.audit.system-role-modified" },
    };

    [Fact]
    public void Every_trace_file_is_judged_one_way_or_the_other()
    {
        var directory = SharedFixtures.Require(Traces);
        var judged = Ordinary().Select(r => r.Data).Concat(AttackShaped().Select(r => r.Data.Item1)).ToList();
        var present = Directory.EnumerateFiles(directory, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(present, judged.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void The_audit2rbac_demo_raises_nothing_above_informational()
    {
        // Impersonated users listing things, 13 of them refused: what developing an RBAC policy looks like.
        var events = AuditFixtures.Parse(File.ReadAllBytes(SharedFixtures.Require("audit/k8s/audit2rbac-demo.log.jsonl")));
        Assert.Equal(37, events.Count);
        var alerts = events.SelectMany(AuditFixtures.Alerts).ToList();
        Assert.True(alerts.Count == 0, string.Join('\n', alerts));
    }

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Ordinary_trace_raises_nothing_above_informational(string file)
    {
        var events = AuditFixtures.Parse(File.ReadAllBytes(SharedFixtures.Require($"{Traces}/{file}")));
        Assert.NotEmpty(events);
        var alerts = events.SelectMany(AuditFixtures.Alerts).ToList();
        Assert.True(alerts.Count == 0, string.Join('\n', alerts));
    }

    [Theory]
    [MemberData(nameof(AttackShaped))]
    public void Attack_shaped_trace_raises_its_rule(string file, string rule)
    {
        var events = AuditFixtures.Parse(File.ReadAllBytes(SharedFixtures.Require($"{Traces}/{file}")));
        var alerts = Assert.Single(events.Select(AuditFixtures.Alerts));
        Assert.Contains(rule, alerts.Select(AuditFixtures.RuleOf));
    }
}
