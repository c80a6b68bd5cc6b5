using Vigil.Grains.Entities;

namespace Vigil.Grains.Tests.Entities;

public sealed class StringReuseTests
{
    [Fact]
    public void An_equal_value_gives_the_instance_held()
    {
        var reuse = new StringReuse();
        var held = reuse.Of(new string('a', 8));

        var again = reuse.Of(new string('a', 8));

        Assert.Same(held, again);
        Assert.NotSame(held, reuse.Of(new string('b', 8)));
    }

    [Fact]
    public void Past_its_capacity_it_starts_over()
    {
        var reuse = new StringReuse();
        var first = reuse.Of(new string('x', 3));
        for (var i = 0; i < StringReuse.Capacity; i++)
        {
            reuse.Of("value-" + i);
        }

        var copy = new string('x', 3);

        // The first value was let go with the rest, so a new copy is held from now on.
        Assert.Same(copy, reuse.Of(copy));
        Assert.NotSame(first, reuse.Of(new string('x', 3)));
    }
}
