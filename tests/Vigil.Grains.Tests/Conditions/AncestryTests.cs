namespace Vigil.Grains.Tests;

public sealed class AncestryTests
{
    private static TestEvent Process(string name, params string[] ancestors) => new()
    {
        Type = "execve",
        ProcName = name,
        Ancestors = [.. ancestors.Select(a => new TestEvent { Type = "execve", ProcName = a })],
    };

    [Theory]
    [InlineData(new[] { "nginx" }, true)]
    [InlineData(new[] { "sh", "nginx" }, true)]
    [InlineData(new[] { "sh", "bash", "httpd" }, true)]
    [InlineData(new[] { "sh", "bash", "dash", "nginx" }, false)]
    [InlineData(new[] { "containerd-shim" }, false)]
    [InlineData(new string[0], false)]
    public void Some_ancestor_within_n_generations(string[] ancestors, bool expected) =>
        Assert.Equal(expected, Engine.Matches("ancestor(3, proc.name in (nginx, httpd))", Process("bash", ancestors)));

    [Fact]
    public void The_event_itself_is_not_its_own_ancestor() =>
        Assert.False(Engine.Matches("ancestor(3, proc.name = nginx)", Process("nginx", "containerd-shim")));

    [Fact]
    public void Missing_ancestry_is_false() =>
        Assert.False(Engine.Matches("ancestor(5, proc.name = nginx)", new TestEvent { ProcName = "sh" }));

    [Fact]
    public void A_macro_under_ancestor_is_evaluated_on_the_ancestor()
    {
        var preamble = RuleText.List("web_servers", "nginx", "httpd", "tomcat")
            + RuleText.Macro("web_server", "proc.name in (web_servers)");

        Assert.True(Engine.Matches("proc.name = sh and ancestor(2, web_server)", Process("sh", "bash", "tomcat"), preamble));
        Assert.False(Engine.Matches("proc.name = sh and ancestor(2, web_server)", Process("tomcat", "bash", "sh"), preamble));
    }

    [Fact]
    public void Ancestors_nest()
    {
        // An ancestor whose own parent is a web server: the inner chain is the ancestor's, not the event's.
        var grandparent = new TestEvent { ProcName = "nginx" };
        var parent = new TestEvent { ProcName = "bash", Ancestors = [grandparent] };
        var child = new TestEvent { ProcName = "curl", Ancestors = [parent, grandparent] };

        Assert.True(Engine.Matches("ancestor(1, proc.name = bash and ancestor(1, proc.name = nginx))", child));
        Assert.False(Engine.Matches("ancestor(1, proc.name = nginx and ancestor(1, proc.name = bash))", child));
    }
}
