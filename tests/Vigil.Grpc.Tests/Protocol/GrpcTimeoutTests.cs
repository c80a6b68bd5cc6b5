using Vigil.Grpc.Protocol;

namespace Vigil.Grpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 3600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("3S", 3_000)]
    [InlineData("500m", 500)]
    [InlineData("99999999m", 99_999_999)]
    public void Parses_every_unit(string text, long expectedMilliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), timeout);
    }

    [Fact]
    public void Parses_micro_and_nanoseconds()
    {
        Assert.True(GrpcTimeout.TryParse("250u", out var micros));
        Assert.True(GrpcTimeout.TryParse("1500n", out var nanos));

        Assert.Equal(TimeSpan.FromMicroseconds(250), micros);
        Assert.Equal(TimeSpan.FromTicks(15), nanos);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    public void Refuses_malformed_values(string text)
    {
        Assert.False(GrpcTimeout.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0.3, "300000u")]
    [InlineData(5000.0, "5000000m")]
    [InlineData(200_000.0, "200000S")]
    public void Formats_in_the_finest_unit_that_fits(double seconds, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Formatting_rounds_up_and_round_trips()
    {
        var timeout = TimeSpan.FromTicks(12_345);

        Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Format(timeout), out var parsed));
        Assert.True(parsed >= timeout);
        Assert.True(parsed - timeout < TimeSpan.FromMicroseconds(1));
    }
}
