using System.Text.Json;

namespace Vigil.Runtime.Tests;

public sealed class StateSerializerTests
{
    [Fact]
    public void A_state_is_written_as_the_serializer_writes_it_even_after_a_larger_one_on_the_same_thread()
    {
        var large = new Dictionary<string, string>();
        for (var i = 0; i < 5_000; i++)
        {
            large[$"key-{i}"] = new string('x', 40);
        }
        var small = new Dictionary<string, object> { ["pod"] = "web-1", ["count"] = 3, ["names"] = new[] { "a", "b\"c" } };

        var first = StateSerializer.Serialize(large);
        var second = StateSerializer.Serialize(small);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(large), first);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(small), second);
    }

    [Fact]
    public void A_state_that_fails_to_serialize_leaves_the_next_write_whole()
    {
        var cyclic = new Dictionary<string, object>();
        cyclic["self"] = cyclic;

        Assert.Throws<JsonException>(() => StateSerializer.Serialize(cyclic));

        var after = new Dictionary<string, int> { ["after"] = 1 };
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(after), StateSerializer.Serialize(after));
    }
}
