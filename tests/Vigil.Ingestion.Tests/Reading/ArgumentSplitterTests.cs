using Vigil.Ingestion.Runtime;

namespace Vigil.Ingestion.Tests.Reading;

public sealed class ArgumentSplitterTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("-la /tmp", new[] { "-la", "/tmp" })]
    [InlineData("-c \"echo hi; id\"", new[] { "-c", "echo hi; id" })]
    [InlineData("say \"a \\\"quoted\\\" word\"", new[] { "say", "a \"quoted\" word" })]
    [InlineData("  spaced   out  ", new[] { "spaced", "out" })]
    [InlineData("it's=ok", new[] { "it's=ok" })]
    public void Splits_like_tetragon_joined_them(string joined, string[] expected)
    {
        var args = new List<string>();

        ArgumentSplitter.Split(joined, args);

        Assert.Equal(expected, args);
    }
}
