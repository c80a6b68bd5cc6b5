using Google.Protobuf.Collections;
using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

public sealed class ArgumentsReuseTests
{
    [Fact]
    public void An_equal_list_gives_the_array_held_and_a_different_one_its_own()
    {
        var reuse = new ArgumentsReuse(new StringReuse());
        var held = reuse.Of(List("-c", "curl -fsS http://127.0.0.1:8080/healthz"));

        Assert.Same(held, reuse.Of(List("-c", "curl -fsS http://127.0.0.1:8080/healthz")));
        Assert.Equal(["-c", "curl -fsS http://127.0.0.1:8080/healthz"], held);
        Assert.NotSame(held, reuse.Of(List("-c", "curl -fsS http://127.0.0.1:8080/ready")));
        Assert.NotSame(held, reuse.Of(List("-c")));
        Assert.Empty(reuse.Of([]));
    }

    [Fact]
    public void Past_its_capacity_it_starts_over()
    {
        var reuse = new ArgumentsReuse(new StringReuse());
        var first = reuse.Of(List("first"));
        for (var i = 0; i < ArgumentsReuse.Capacity; i++)
        {
            reuse.Of(List("value-" + i));
        }

        // The first list was let go with the rest, so an equal list now gets an array of its own.
        Assert.NotSame(first, reuse.Of(List("first")));
    }

    private static RepeatedField<string> List(params string[] values)
    {
        var list = new RepeatedField<string>();
        foreach (var value in values)
        {
            // Fresh copies, as a parsed event brings them.
            list.Add(new string(value.AsSpan()));
        }
        return list;
    }
}
