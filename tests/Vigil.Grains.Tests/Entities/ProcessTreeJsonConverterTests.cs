using System.Text.Json;
using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

public sealed class ProcessTreeJsonConverterTests
{
    [Fact]
    public void The_tree_is_stored_without_property_names_and_reads_back_the_same()
    {
        var state = new PodState();
        state.Processes[7] = new ProcessRecord(7, 1, "/bin/sh", ["-c", "id; whoami"], 0, "root", "/", "node-1:7", 1_740_787_200_000_000_000, true, 3);
        state.Processes[8] = new ProcessRecord(8, 7, "/usr/bin/id", [], 1000, "app", "/srv", "node-1:8", 1_740_787_200_000_000_001, false, 4);

        var json = JsonSerializer.Serialize(state);
        var read = JsonSerializer.Deserialize<PodState>(json)!;

        Assert.DoesNotContain("\"Binary\"", json, StringComparison.Ordinal);
        Assert.Equal(state.Processes.Keys, read.Processes.Keys);
        foreach (var (pid, process) in state.Processes)
        {
            Assert.Equal(process with { Args = [] }, read.Processes[pid] with { Args = [] });
            Assert.Equal(process.Args, read.Processes[pid].Args);
        }
    }

    [Fact]
    public void A_tree_stored_in_the_older_object_form_still_loads()
    {
        const string stored = """
            {"Pod":"web","Processes":{"7":{"Pid":7,"Ppid":1,"Binary":"/bin/sh","Args":["-c","id"],"Uid":0,"User":"root","Cwd":"/",
            "ContainerId":"c0ffee","ExecId":"node-1:7","StartTimeUnixNano":5,"Exited":true,"Order":3}},"NextOrder":4}
            """;

        var read = JsonSerializer.Deserialize<PodState>(stored)!;

        var process = Assert.Single(read.Processes).Value;
        Assert.Equal((7u, 1u, "/bin/sh", "node-1:7", 5L, true, 3L), (process.Pid, process.Ppid, process.Binary, process.ExecId, process.StartTimeUnixNano, process.Exited, process.Order));
        Assert.Equal(["-c", "id"], process.Args);
        Assert.Equal(4, read.NextOrder);
    }
}
