namespace Vigil.Grains.Tests;

public sealed class ScalarOperatorTests
{
    private static readonly TestEvent Stratum = new() { Type = "connect", ServerPort = 3333, Privileged = true };

    [Theory]
    [InlineData("fd.sport = 3333", true)]
    [InlineData("fd.sport = 3334", false)]
    [InlineData("fd.sport != 3334", true)]
    [InlineData("fd.sport != 3333", false)]
    [InlineData("fd.sport < 3334", true)]
    [InlineData("fd.sport < 3333", false)]
    [InlineData("fd.sport <= 3333", true)]
    [InlineData("fd.sport <= 3332", false)]
    [InlineData("fd.sport > 3332", true)]
    [InlineData("fd.sport > 3333", false)]
    [InlineData("fd.sport >= 3333", true)]
    [InlineData("fd.sport >= 3334", false)]
    [InlineData("fd.sport in (3333, 4444, 14444)", true)]
    [InlineData("fd.sport in (80, 443)", false)]
    [InlineData("fd.sport > -1", true)]
    public void Numeric_comparisons(string condition, bool expected) =>
        Assert.Equal(expected, Engine.Matches(condition, Stratum));

    [Theory]
    [InlineData("fd.sport < 100000")]
    [InlineData("fd.sport > 0")]
    [InlineData("fd.sport != 1")]
    public void Numeric_comparisons_on_an_absent_number_are_false(string condition) =>
        Assert.False(Engine.Matches(condition, new TestEvent()));

    [Theory]
    [InlineData("container.privileged = true", true)]
    [InlineData("container.privileged = false", false)]
    [InlineData("container.privileged != false", true)]
    [InlineData("container.privileged", true)]
    [InlineData("not container.privileged", false)]
    public void Boolean_fields(string condition, bool expected) =>
        Assert.Equal(expected, Engine.Matches(condition, Stratum));
}
