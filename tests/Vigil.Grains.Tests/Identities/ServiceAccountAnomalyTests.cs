using Vigil.Contracts.Events.V1;
using Vigil.Grains.Alerts;
using Vigil.Grains.Identities;
using Vigil.Grains.Tests.Entities;

namespace Vigil.Grains.Tests.Identities;

/// <summary>The service-account grain learns what an account does and flags sensitive requests new to it.</summary>
public sealed class ServiceAccountAnomalyTests
{
    private static readonly TimeSpan Learning = TimeSpan.FromHours(24);

    [Fact]
    public async Task A_controller_repeating_what_it_learned_raises_nothing_and_a_new_sensitive_request_raises_one_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var controller = AuditEvents.ServiceAccount(silo.Clock, "payments", "reconciler");
        await silo.Audit.DispatchAsync("prod", Routine(controller));
        silo.Clock.Advance(Learning + TimeSpan.FromMinutes(1));
        await silo.Audit.DispatchAsync("prod", Routine(controller));
        Assert.Empty(await Anomalies(silo, controller));

        await silo.Audit.DispatchAsync("prod", [controller.Request("create", "pods", "payments", "ledger-0", "exec")]);

        var alert = Assert.Single(await Anomalies(silo, controller));
        Assert.Equal("Suspicious Kubernetes service account operation detected", alert.Title);
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal(("prod", "payments", "ledger-0", "payments/reconciler"), (alert.Cluster, alert.Namespace, alert.Pod, alert.ServiceAccount));
        var evidence = Assert.Single(alert.Evidence);
        Assert.Equal(("create", "pods", "exec", "system:serviceaccount:payments:reconciler"),
            (evidence.Audit!.Verb, evidence.Audit.Resource, evidence.Audit.Subresource, evidence.Audit.User));
        Assert.Contains("first 'create pods/exec'", evidence.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task During_learning_kubectl_under_a_workload_account_asking_what_it_may_do_raises_the_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var shell = AuditEvents.ServiceAccount(silo.Clock, "shop", "storefront", AuditEvents.Kubectl);

        await silo.Audit.DispatchAsync("prod", [shell.Request("create", "selfsubjectaccessreviews")]);

        var alert = Assert.Single(await Anomalies(silo, shell));
        Assert.Equal("shop/storefront", alert.ServiceAccount);
        Assert.Equal(AuditEvents.Kubectl, alert.Evidence[0].Audit!.UserAgent);
        var activity = await Account(silo, shell).GetActivityAsync();
        Assert.True(activity.Learning);
        Assert.DoesNotContain("create selfsubjectaccessreviews", activity.Operations.Keys);
    }

    [Fact]
    public async Task During_learning_a_new_sensitive_request_through_the_accounts_own_client_is_learned_not_alerted()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var operator_ = AuditEvents.ServiceAccount(silo.Clock, "cert-manager", "cert-manager");

        await silo.Audit.DispatchAsync("prod", [operator_.Request("list", "secrets", "cert-manager")]);
        silo.Clock.Advance(Learning);
        await silo.Audit.DispatchAsync("prod", [operator_.Request("list", "secrets", "cert-manager")]);

        Assert.Empty(await Anomalies(silo, operator_));
        Assert.Equal(2, (await Account(silo, operator_).GetActivityAsync()).Operations["list secrets"].Count);
    }

    [Fact]
    public async Task After_learning_a_known_request_through_an_interactive_client_never_used_raises_the_alert()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var operator_ = AuditEvents.ServiceAccount(silo.Clock, "cert-manager", "cert-manager");
        await silo.Audit.DispatchAsync("prod", [operator_.Request("list", "secrets", "cert-manager")]);
        silo.Clock.Advance(Learning);

        await silo.Audit.DispatchAsync("prod", [operator_.Using(AuditEvents.Kubectl, "203.0.113.9").Request("list", "secrets", "cert-manager")]);

        var alert = Assert.Single(await Anomalies(silo, operator_));
        Assert.Contains("through kubectl, a client it never used", alert.Evidence[0].Output, StringComparison.Ordinal);
        Assert.Equal(["203.0.113.9"], alert.Evidence[0].Audit!.SourceIps);
    }

    [Fact]
    public async Task Refused_requests_alert_and_are_counted_but_never_learned()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var stolen = AuditEvents.ServiceAccount(silo.Clock, "shop", "storefront", AuditEvents.Kubectl);

        await silo.Audit.DispatchAsync("prod", [stolen.Request("list", "secrets", "kube-system", code: 403)]);
        silo.Clock.Advance(TimeSpan.FromMinutes(11));
        await silo.Audit.DispatchAsync("prod", [stolen.Request("list", "secrets", "kube-system", code: 403)]);

        Assert.Equal(2, (await Anomalies(silo, stolen)).Count);
        var activity = await Account(silo, stolen).GetActivityAsync();
        Assert.Equal((2L, 2L), (activity.Requests, activity.Denied));
        Assert.Empty(activity.Operations);
    }

    [Fact]
    public async Task A_request_is_counted_once_whichever_stages_the_log_carries()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var controller = AuditEvents.ServiceAccount(silo.Clock, "payments", "reconciler");

        await silo.Audit.DispatchAsync("prod", controller.BothStages("get", "configmaps", "payments", "settings"));

        var activity = await Account(silo, controller).GetActivityAsync();
        Assert.Equal(1, activity.Requests);
        Assert.Equal(1, activity.Operations["get configmaps"].Count);
    }

    [Fact]
    public async Task An_administrator_impersonating_an_account_is_filed_under_the_administrator()
    {
        await using var silo = await DetectionSilo.StartAsync();
        var admin = new AuditEvents(silo.Clock, "system:admin", AuditEvents.Kubectl);
        var request = admin.Request("list", "secrets", "ns1", code: 403);
        request.ImpersonatedUser = new UserInfo { Username = "system:serviceaccount:ns1:sa1" };

        await silo.Audit.DispatchAsync("prod", [request]);

        var user = await silo.Grains.GetGrain<IUserGrain>("prod/system:admin").GetActivityAsync();
        Assert.Equal((IdentityKind.User, 1L), (user.Kind, user.Requests));
        Assert.Equal(0, (await silo.Grains.GetGrain<IServiceAccountGrain>("prod/ns1/sa1").GetActivityAsync()).Requests);
    }

    [Fact]
    public async Task The_baseline_survives_reactivation_on_another_silo()
    {
        var clock = new Vigil.Runtime.Testing.ManualTimeProvider();
        var storage = new Vigil.Runtime.Persistence.InMemoryGrainStorage();
        var controller = AuditEvents.ServiceAccount(clock, "payments", "reconciler");
        await using (var first = await DetectionSilo.StartAsync(storage, clock))
        {
            await first.Audit.DispatchAsync("prod", Routine(controller));
        }
        clock.Advance(Learning);
        await using var second = await DetectionSilo.StartAsync(storage, clock);

        await second.Audit.DispatchAsync("prod", Routine(controller));
        await second.Audit.DispatchAsync("prod", [controller.Request("create", "serviceaccounts", "payments", "x", "token")]);

        var alert = Assert.Single(await Anomalies(second, controller));
        Assert.Contains("'create serviceaccounts/token'", alert.Evidence[0].Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shorter_learning_period_is_honoured()
    {
        await using var silo = await DetectionSilo.StartAsync(identities: o => o.LearningPeriod = TimeSpan.FromMinutes(5));
        var controller = AuditEvents.ServiceAccount(silo.Clock, "payments", "reconciler");
        await silo.Audit.DispatchAsync("prod", Routine(controller));
        silo.Clock.Advance(TimeSpan.FromMinutes(6));

        await silo.Audit.DispatchAsync("prod", [controller.Request("get", "secrets", "payments", "db")]);

        Assert.Single(await Anomalies(silo, controller));
    }

    internal static IReadOnlyList<AuditEvent> Routine(AuditEvents account) =>
    [
        account.Request("list", "pods", "payments"),
        account.Request("watch", "pods", "payments"),
        account.Request("get", "configmaps", "payments", "settings"),
        account.Request("update", "leases", "payments", "reconciler-leader"),
        account.Request("patch", "pods", "payments", "ledger-0", "status"),
    ];

    internal static async Task<IReadOnlyList<Alert>> Anomalies(DetectionSilo silo, AuditEvents account) =>
        [.. (await Account(silo, account).GetAlertsAsync(null)).Where(a => a.RuleId == ServiceAccountAnomaly.RuleId)];

    internal static IServiceAccountGrain Account(DetectionSilo silo, AuditEvents account)
    {
        var identity = IdentityRef.Parse(account.Cluster, account.Username);
        return silo.Grains.GetGrain<IServiceAccountGrain>(identity.Key);
    }
}
