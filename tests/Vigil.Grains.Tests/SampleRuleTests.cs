using System.Net;

namespace Vigil.Grains.Tests;

/// <summary>The sample rule files load cleanly from a directory and fire on the events they describe, and only those.</summary>
public sealed class SampleRuleTests
{
    private static readonly RuleSet<TestEvent> Samples = LoadSamples();

    private static RuleSet<TestEvent> LoadSamples()
    {
        var result = new RuleLoader<TestEvent>(TestCatalogue.Create()).LoadDirectory(Path.Combine(AppContext.BaseDirectory, "Samples"));
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.RuleSet!;
    }

    private static TestEvent Exec(string name, params string[] ancestors) => new()
    {
        Type = "execve",
        ProcName = name,
        Namespace = "shop",
        Ancestors = [.. ancestors.Select(a => new TestEvent { Type = "execve", ProcName = a })],
    };

    private static TestEvent Connect(string name, string address, long port) =>
        new() { Type = "connect", ProcName = name, ServerIp = IPAddress.Parse(address), ServerPort = port };

    public static TheoryData<string, TestEvent, string[]> Cases => new()
    {
        { "web shell under nginx", Exec("sh", "php-fpm", "nginx"), ["vigil.sample.web-shell"] },
        { "init script shell", Exec("sh", "containerd-shim"), [] },
        { "web server running a non-shell", Exec("curl", "nginx"), [] },
        { "metadata over IPv4", Connect("curl", "169.254.169.254", 80), ["vigil.sample.cloud-metadata"] },
        { "metadata over IPv6", Connect("python3", "fd00:ec2::254", 80), ["vigil.sample.cloud-metadata"] },
        { "ordinary HTTPS", Connect("curl", "93.184.216.34", 443), [] },
        { "stratum port", Connect("xmrig", "45.9.148.1", 3333), ["vigil.sample.miner-pool"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runtime_samples_fire_exactly_as_expected(string scenario, TestEvent value, string[] expected)
    {
        Assert.NotEmpty(scenario);
        Assert.Equal(expected, Samples.Evaluate(value, RuleSource.Runtime).Select(r => r.Id));
    }

    [Fact]
    public void Audit_sample_fires_on_audit_events_only()
    {
        var listSecrets = new TestEvent { Verb = "list", FdName = "secrets", Namespace = "shop" };

        Assert.Equal(["vigil.sample.secret-list"], Samples.Evaluate(listSecrets, RuleSource.Audit).Select(r => r.Id));
        Assert.Empty(Samples.Evaluate(listSecrets, RuleSource.Runtime));
        Assert.Empty(Samples.Evaluate(new TestEvent { Verb = "list", FdName = "secrets", Namespace = "kube-system" }, RuleSource.Audit));
    }

    [Fact]
    public void Web_shell_output_names_the_shell_and_namespace() =>
        Assert.Equal("Shell sh <NA> under a web server in shop",
            Samples.Find("vigil.sample.web-shell")!.Output.Render(Exec("sh", "nginx")));
}
