using Vigil.Scenarios;

namespace Vigil.Dashboard.Tests;

/// <summary>What a demo round must show: every scenario's expected alert, on the pod or account it names.</summary>
public static class DemoExpectations
{
    public const string Cluster = "demo";

    /// <summary>The round's (title, subject) pairs; subject is the pod name, or <c>namespace/account</c>.</summary>
    public static IReadOnlyList<(string Title, string Subject)> Round(int round) =>
    [
        .. AttackScenarios.Names
            .Select(name => AttackScenarios.Build(name, Cluster, DateTimeOffset.UnixEpoch, $"demo{round}"))
            .SelectMany(trace => trace.Expected.Select(e => (e.Title, e.Subject == AlertSubject.Pod
                ? trace.Pod.Name
                : $"{trace.Pod.Namespace}/{trace.Pod.ServiceAccount}")))
            .Distinct(),
    ];

    public static string Pod(string scenario, int round) => ScenarioPod.For(Cluster, scenario, $"demo{round}").Name;

    public static string ServiceAccount(string scenario, int round)
    {
        var pod = ScenarioPod.For(Cluster, scenario, $"demo{round}");
        return $"{pod.Namespace}/{pod.ServiceAccount}";
    }
}
