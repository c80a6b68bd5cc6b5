namespace Vigil.Grains.Tests;

public sealed class RuleSetTests
{
    [Fact]
    public void Matches_come_back_in_load_order_across_pinned_and_unpinned_rules()
    {
        var yaml = RuleText.Rule("any1", "proc.name = sh")
            + RuleText.Rule("exec1", "evt.type = execve and proc.name = sh")
            + RuleText.Rule("any2", "proc.name exists")
            + RuleText.Rule("exec2", "evt.type in (execve, execveat)")
            + RuleText.Rule("open1", "evt.type = open");

        var matches = Engine.Load(yaml).Evaluate(new TestEvent { Type = "execve", ProcName = "sh" }, RuleSource.Runtime);

        Assert.Equal(["any1", "exec1", "any2", "exec2"], matches.Select(r => r.Id));
    }

    [Fact]
    public void Rules_pinned_to_another_event_type_are_not_evaluated()
    {
        var reads = 0;
        var catalogue = TestCatalogue.Create().AddString("counted", _ => { reads++; return "x"; });
        var yaml = RuleText.Macro("spawned_process", "evt.type in (execve, execveat)")
            + RuleText.Rule("exec", "spawned_process and counted = x")
            + RuleText.Rule("connect", "(evt.type = connect or evt.type = accept) and counted = x")
            + RuleText.Rule("open", "counted = x and evt.type = open");
        var set = new RuleLoader<TestEvent>(catalogue).Load([new RuleSourceFile("r.yaml", yaml)]).RuleSet!;

        var matches = set.Evaluate(new TestEvent { Type = "open" }, RuleSource.Runtime);

        Assert.Equal(["open"], matches.Select(r => r.Id));
        Assert.Equal(1, reads);
        Assert.Equal(["execve", "execveat"], set.Find("exec")!.EventTypes!.Order(StringComparer.Ordinal));
        Assert.Equal(["accept", "connect"], set.Find("connect")!.EventTypes!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_catalogue_names_which_field_is_the_event_type()
    {
        var catalogue = TestCatalogue.Create().WithEventTypeField("ka.verb");
        var yaml = RuleText.Rule("create", "ka.verb = create and k8s.ns.name = kube-system", source: "audit")
            + RuleText.Rule("exec", "evt.type = execve", source: "audit");

        var set = new RuleLoader<TestEvent>(catalogue).Load([new RuleSourceFile("r.yaml", yaml)]).RuleSet!;

        Assert.Equal(["create"], set.Find("create")!.EventTypes!);
        Assert.Null(set.Find("exec")!.EventTypes);
        Assert.Equal(["create", "exec"], set.Evaluate(new TestEvent { Verb = "create", Namespace = "kube-system", Type = "execve" }, RuleSource.Audit).Select(r => r.Id));
        Assert.Equal(["exec"], set.Evaluate(new TestEvent { Verb = "get", Namespace = "kube-system", Type = "execve" }, RuleSource.Audit).Select(r => r.Id));
    }

    [Fact]
    public void An_event_type_field_that_is_not_a_string_pins_nothing()
    {
        var catalogue = TestCatalogue.Create().WithEventTypeField("fd.sport");

        var set = new RuleLoader<TestEvent>(catalogue).Load([new RuleSourceFile("r.yaml", RuleText.Rule("r1", "fd.sport = 22"))]).RuleSet!;

        Assert.Null(set.Find("r1")!.EventTypes);
        Assert.Single(set.Evaluate(new TestEvent { ServerPort = 22 }, RuleSource.Runtime));
    }

    [Theory]
    [InlineData("evt.type = execve or proc.name = sh")]
    [InlineData("not evt.type = open")]
    [InlineData("evt.type != open")]
    [InlineData("ancestor(1, evt.type = execve)")]
    public void Conditions_that_do_not_pin_the_type_are_evaluated_for_every_type(string condition)
    {
        var rule = Engine.Load(RuleText.Rule("r1", condition)).Find("r1")!;

        Assert.Null(rule.EventTypes);
    }

    [Fact]
    public void Contradictory_pins_leave_the_rule_in_no_bucket()
    {
        var set = Engine.Load(RuleText.Rule("r1", "evt.type = open and evt.type = execve"));

        Assert.Empty(set.Find("r1")!.EventTypes!);
        Assert.Empty(set.Evaluate(new TestEvent { Type = "open" }, RuleSource.Runtime));
    }

    [Fact]
    public void Rules_see_only_events_of_their_own_source()
    {
        var yaml = RuleText.Rule("audit", "ka.verb = create", source: "audit")
            + RuleText.Rule("runtime", "ka.verb = create", source: "runtime");
        var set = Engine.Load(yaml);
        var create = new TestEvent { Verb = "create" };

        Assert.Equal(["audit"], set.Evaluate(create, RuleSource.Audit).Select(r => r.Id));
        Assert.Equal(["runtime"], set.Evaluate(create, RuleSource.Runtime).Select(r => r.Id));
        Assert.Empty(set.Evaluate(create, RuleSource.Admission));
    }

    [Fact]
    public void Disabled_rules_are_compiled_but_never_match()
    {
        var set = Engine.Load(RuleText.Rule("off", "proc.name = sh", enabled: false));

        Assert.NotNull(set.Find("off"));
        Assert.Empty(set.Evaluate(new TestEvent { ProcName = "sh" }, RuleSource.Runtime));
    }

    [Fact]
    public void Evaluating_into_a_reused_list_appends_and_counts()
    {
        var set = Engine.Load(RuleText.Rule("r1", "proc.name = sh") + RuleText.Rule("r2", "proc.name = bash"));
        var matches = new List<CompiledRule<TestEvent>>(4);

        Assert.Equal(1, set.Evaluate(new TestEvent { ProcName = "sh" }, RuleSource.Runtime, matches));
        Assert.Equal(1, set.Evaluate(new TestEvent { ProcName = "bash" }, RuleSource.Runtime, matches));
        Assert.Equal(["r1", "r2"], matches.Select(r => r.Id));
    }

    [Fact]
    public void Output_renders_fields_of_the_matching_event()
    {
        var yaml = RuleText.Rule("r1", "proc.name = nc", output: "Reverse shell: %proc.name %proc.args to %fd.sip:%fd.sport (100%% sure, ns=%k8s.ns.name).");
        var rule = Engine.Load(yaml).Find("r1")!;

        var text = rule.Output.Render(new TestEvent
        {
            ProcName = "nc", ProcArgs = ["-e", "/bin/sh"], ServerIp = System.Net.IPAddress.Parse("10.0.0.9"), ServerPort = 4444,
        });

        Assert.Equal("Reverse shell: nc -e /bin/sh to 10.0.0.9:4444 (100% sure, ns=<NA>).", text);
    }
}
